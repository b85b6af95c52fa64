package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * A ReLU that lets a small slope {@code α} through for negative inputs, so that no unit stops learning for good.
 * <pre>
 *   f(x)   = x        if x &gt; 0
 *          = α · x    otherwise
 *   f'(x)  = 1        if x &gt; 0
 *          = α        otherwise                (at the kink x = 0 the derivative is taken as α)
 * </pre>
 * See Maas, Hannun and Ng, "Rectifier Nonlinearities Improve Neural Network Acoustic Models" (2013).
 */
public final class LeakyRelu implements Activation {

    /** The slope most texts use when none is given. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final double alpha;

    /** Creates a leaky ReLU with slope {@link #DEFAULT_ALPHA}. */
    public LeakyRelu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * @param alpha the slope for negative inputs, finite and in {@code [0, 1)}
     * @throws IllegalArgumentException if {@code alpha} is outside {@code [0, 1)}
     */
    public LeakyRelu(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("LeakyRelu: alpha must be in [0, 1), got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : alpha * x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : alpha;
    }

    /** @return the slope {@code α} for negative inputs */
    public double alpha() {
        return alpha;
    }

    @Override
    public String describe() {
        return "LeakyRelu(alpha=" + alpha + ")";
    }
}
