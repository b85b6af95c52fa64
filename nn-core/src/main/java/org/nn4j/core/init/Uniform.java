package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Draws every element uniformly from {@code [low, high)}:
 * <pre>
 *   w = low + (high − low) · u,   u = random.nextDouble() ∈ [0, 1)
 * </pre>
 * With a {@link org.nn4j.core.random.NumpyRandom} this is numpy's {@code np.random.uniform(low, high, shape)},
 * draw for draw: the blog initialises every weight and bias with {@code Uniform(-1, 1)}.
 *
 * @param low the lower bound
 * @param high the upper bound, greater than {@code low}
 */
public record Uniform(double low, double high) implements Initializer {

    /**
     * Checks the bounds.
     *
     * @param low the lower bound
     * @param high the upper bound, greater than {@code low}
     */
    public Uniform {
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("Uniform: need finite low < high, got [" + low + ", " + high + ")");
        }
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        for (int i = 0; i < target.size(); i++) {
            target.setFlat(i, low + (high - low) * random.nextDouble());
        }
    }
}
