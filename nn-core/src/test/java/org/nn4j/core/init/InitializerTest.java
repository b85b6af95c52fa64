package org.nn4j.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.random.NumpyRandom;

/**
 * The scaled initializers against numpy: with a {@link NumpyRandom} they draw exactly what
 * {@code np.random.seed(3); np.random.normal(0, σ, (4, 2))} or {@code np.random.uniform(−l, l, (4, 2))} draws
 * (values printed by numpy 1.x/2.x legacy seeding, see each test).
 */
class InitializerTest {

    private static double[] draw(Initializer init, int fanIn, int fanOut) {
        Matrix m = Matrix.zeros(4, 2);
        init.initialize(m, fanIn, fanOut, new NumpyRandom(3));
        return m.toRowMajorArray();
    }

    @Test
    void heNormalIsNumpysNormalWithSigmaRootTwoOverFanIn() {
        // np.random.seed(3); np.random.normal(0, math.sqrt(2/4), (4, 2))
        assertArrayEquals(new double[] {1.2647513225859208, 0.3086590753517539, 0.06823401404104966,
                -1.317688327240683, -0.1961430790190789, -0.25085247992791837, -0.05850706264166846,
                -0.44335643039069744}, draw(new HeNormal(), 4, 2), 1e-15);
    }

    @Test
    void glorotUniformIsNumpysUniformWithLimitRootSixOverFans() {
        // np.random.seed(3); lim = math.sqrt(6/(4+2)); np.random.uniform(-lim, lim, (4, 2))
        assertArrayEquals(new double[] {0.10159580514915101, 0.41629564523620965, -0.41819052217411135,
                0.02165521039532603, 0.7858939086953094, 0.7925861778668761, -0.7488293790723275,
                -0.5855142437236265}, draw(new GlorotUniform(), 4, 2), 1e-15);
    }

    @Test
    void glorotNormalIsNumpysNormalWithSigmaRootTwoOverFans() {
        // np.random.seed(3); np.random.normal(0, math.sqrt(2/6), (4, 2))
        assertArrayEquals(new double[] {1.0326651306152237, 0.25201907969702037, 0.05571283916749149,
                -1.0758880139203921, -0.1601501533917147, -0.20482019217838635, -0.04777081660704658,
                -0.36199900954632575}, draw(new GlorotNormal(), 4, 2), 1e-15);
    }

    @Test
    void heUniformStaysWithinItsLimitAndHasItsVariance() {
        Matrix m = Matrix.zeros(200, 100);
        new HeUniform().initialize(m, 50, 100, new NumpyRandom(5));
        double limit = Math.sqrt(6.0 / 50);
        assertTrue(m.maxAbs() <= limit);
        double variance = m.multiply(m).mean();
        assertEquals(2.0 / 50, variance, 0.002);
    }

    @Test
    void zerosDrawNothing() {
        NumpyRandom random = new NumpyRandom(9);
        Matrix m = Matrix.filled(2, 3, 7);
        new Zeros().initialize(m, 2, 3, random);
        assertEquals(Matrix.zeros(2, 3), m);
        assertEquals(new NumpyRandom(9).nextDouble(), random.nextDouble());
    }

    @Test
    void sameSeedSameWeights() {
        assertArrayEquals(draw(new HeNormal(), 4, 2), draw(new HeNormal(), 4, 2), 0.0);
    }

    @Test
    void badFansAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeNormal().initialize(Matrix.zeros(1, 1), 0, 1, new NumpyRandom(1)));
        assertTrue(e.getMessage().startsWith("HeNormal"), e.getMessage());
    }
}
