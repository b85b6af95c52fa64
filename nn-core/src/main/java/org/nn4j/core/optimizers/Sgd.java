package org.nn4j.core.optimizers;

import java.util.Map;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * Plain stochastic gradient descent.
 * <pre>
 *   for each parameter p:   p ← p − η · ∂L/∂p          η = learningRate
 * </pre>
 * It keeps no state. With {@link org.nn4j.core.losses.MeanSquaredError} on the blog's 4×1 targets, {@code η = 0.2}
 * takes exactly the blog's steps (see that class for why).
 */
public final class Sgd implements Optimizer {

    private final double learningRate;
    /**
     * @param learningRate the step size η, positive and finite
     * @throws IllegalArgumentException if the rate is not positive and finite
     */
    public Sgd(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Sgd: learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** {@inheritDoc} {@code p ← p − η·∂L/∂p} for every parameter, in place. */
    @Override
    public void update(Map<String, Parameter> parameters) {
        for (Parameter p : parameters.values()) {
            p.value().addScaledInPlace(-learningRate, p.gradient());
        }
    }

    /** @return the step size η */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String describe() {
        return "Sgd(learningRate=" + learningRate + ")";
    }
}
