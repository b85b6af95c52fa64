package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Glorot (Xavier) uniform initialisation, which keeps the variance of activations and of gradients about the
 * same from layer to layer for tanh- and sigmoid-like units.
 * <pre>
 *   w ~ U(−limit, limit),    limit = √(6 / (fanIn + fanOut))          Var(w) = 2 / (fanIn + fanOut)
 *   w = −limit + 2·limit · u,   u = random.nextDouble()
 * </pre>
 * From Glorot and Bengio, "Understanding the difficulty of training deep feedforward neural networks" (2010).
 */
public record GlorotUniform() implements Initializer {

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        double limit = Math.sqrt(6.0 / Fans.sum(fanIn, fanOut, "GlorotUniform"));
        for (int i = 0; i < target.size(); i++) {
            target.setFlat(i, -limit + 2 * limit * random.nextDouble());
        }
    }
}
