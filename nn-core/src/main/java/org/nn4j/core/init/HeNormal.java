package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * He (Kaiming) normal initialisation, for ReLU-like units: ReLU zeroes half its inputs, so the variance is
 * doubled relative to {@code 1/fanIn} to keep activations from shrinking layer after layer.
 * <pre>
 *   w ~ N(0, σ²),    σ = √(2 / fanIn)
 *   w = σ · random.nextGaussian()
 * </pre>
 * From He, Zhang, Ren and Sun, "Delving Deep into Rectifiers" (ICCV 2015). The Gaussian is not truncated.
 */
public record HeNormal() implements Initializer {

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        double sigma = Math.sqrt(2.0 / Fans.positive(fanIn, "HeNormal"));
        for (int i = 0; i < target.size(); i++) {
            target.setFlat(i, sigma * random.nextGaussian());
        }
    }
}
