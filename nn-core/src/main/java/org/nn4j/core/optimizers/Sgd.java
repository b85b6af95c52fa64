package org.nn4j.core.optimizers;

import java.util.Map;
import java.util.function.BiConsumer;
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
     * One parameter's step. Made once, and passed to {@code Map.forEach}: a loop over {@code values()} would make an
     * iterator every step (it shows in a tiny network's epoch), and a lambda would start the JDK's lambda machinery
     * in a short program (it shows in the xor example's start-up).
     */
    private final BiConsumer<String, Parameter> step = new BiConsumer<>() {
        @Override
        public void accept(String path, Parameter p) {
            p.value().addScaledInPlace(-learningRate, p.gradient());
        }
    };

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

    @Override
    public void update(Map<String, Parameter> parameters) {
        parameters.forEach(step);
    }

    /**
     * {@inheritDoc} Yes: each parameter's step is one in-place {@code value −= η·gradient} over two matrices of the
     * same fixed shape, which neither allocates nor throws, so the training loop need not copy the parameters
     * before every step to be able to roll a failed one back.
     */
    @Override
    public boolean updatesAllOrNothing() {
        return true;
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
