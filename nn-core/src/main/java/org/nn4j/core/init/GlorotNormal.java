package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Glorot (Xavier) normal initialisation: the same variance as {@link GlorotUniform}, drawn from a Gaussian.
 * <pre>
 *   w ~ N(0, σ²),    σ = √(2 / (fanIn + fanOut))
 *   w = σ · random.nextGaussian()
 * </pre>
 * From Glorot and Bengio (2010). Unlike some libraries, the Gaussian is not truncated.
 */
public record GlorotNormal() implements Initializer {

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        double sigma = Math.sqrt(2.0 / Fans.sum(fanIn, fanOut, "GlorotNormal"));
        for (int i = 0; i < target.size(); i++) {
            target.setFlat(i, sigma * random.nextGaussian());
        }
    }
}
