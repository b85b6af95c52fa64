package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * He (Kaiming) uniform initialisation: the variance of {@link HeNormal}, drawn uniformly.
 * <pre>
 *   w ~ U(−limit, limit),    limit = √(6 / fanIn)                      Var(w) = 2 / fanIn
 *   w = −limit + 2·limit · u,   u = random.nextDouble()
 * </pre>
 * From He et al., "Delving Deep into Rectifiers" (2015).
 */
public record HeUniform() implements Initializer {

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        double limit = Math.sqrt(6.0 / Fans.positive(fanIn, "HeUniform"));
        for (int i = 0; i < target.size(); i++) {
            target.setFlat(i, -limit + 2 * limit * random.nextDouble());
        }
    }
}
