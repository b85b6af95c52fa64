package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * The logistic sigmoid, which squashes any real number into {@code (0, 1)}.
 * <pre>
 *   σ(x)      = 1 / (1 + e^(−x))        x clipped to [−250, 250] first, as the blog does, so e^(−x) never overflows
 *   σ'(x)     = σ(x) · (1 − σ(x))  =  y · (1 − y)
 * </pre>
 * The derivative uses the output {@code y}, exactly as the blog's {@code sigmoid_derivative(a1)} does.
 */
public final class Sigmoid implements Activation {

    private static final double CLIP = 250.0;

    /** Creates the (stateless) sigmoid. */
    public Sigmoid() {
    }

    @Override
    public double apply(double x) {
        double clipped = Math.max(-CLIP, Math.min(CLIP, x));
        return 1.0 / (1.0 + Math.exp(-clipped));
    }

    @Override
    public double derivative(double x, double y) {
        return y * (1.0 - y);
    }

    @Override
    public String describe() {
        return "Sigmoid";
    }
}
