package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.random.NumpyRandom;

/** The teaching sets: shapes, labels that mean what the javadoc says, and the same seed giving the same points. */
class TeachingSetsTest {

    @Test
    void xorLabelsAreTheQuadrantsXor() {
        Dataset d = TeachingSets.xor(200, 0.0, new NumpyRandom(1));
        assertEquals(200, d.rows());
        for (int i = 0; i < d.rows(); i++) {
            boolean expected = (d.inputs().get(i, 0) > 0) != (d.inputs().get(i, 1) > 0);
            assertEquals(expected ? 1.0 : 0.0, d.targets().get(i, 0), "row " + i);
        }
    }

    @Test
    void circlesHaveTheirRadii() {
        Dataset d = TeachingSets.circles(100, 0.0, 0.4, new NumpyRandom(2));
        for (int i = 0; i < d.rows(); i++) {
            double r = Math.hypot(d.inputs().get(i, 0), d.inputs().get(i, 1));
            assertEquals(d.targets().get(i, 0) == 0 ? 1.0 : 0.4, r, 1e-12);
        }
        assertEquals(50.0, d.targets().sum());
    }

    @Test
    void moonsLieOnTheirHalfCircles() {
        Dataset d = TeachingSets.moons(60, 0.0, new NumpyRandom(3));
        for (int i = 0; i < d.rows(); i++) {
            double a = d.inputs().get(i, 0);
            double b = d.inputs().get(i, 1);
            double r = d.targets().get(i, 0) == 0 ? Math.hypot(a, b) : Math.hypot(1 - a, 0.5 - b);
            assertEquals(1.0, r, 1e-12);
        }
    }

    @Test
    void spiralsHaveKArmsWithOneHotTargets() {
        Dataset d = TeachingSets.spirals(50, 4, 0.0, new NumpyRandom(4));
        assertEquals(200, d.rows());
        assertEquals(4, d.targets().cols());
        assertEquals(Matrix.filled(1, 4, 50.0), d.targets().sumColumns());
        // Point 25 of arm 1 (s = 0.5): angle 2π/4 + 2, radius 0.5.
        assertEquals(0.5 * Math.cos(Math.PI / 2 + 2), d.inputs().get(75, 0), 1e-15);
        assertEquals(0.5 * Math.sin(Math.PI / 2 + 2), d.inputs().get(75, 1), 1e-15);
    }

    @Test
    void blobsGatherAroundTheirCentres() {
        Matrix centers = Matrix.of(new double[][] {{5, 5}, {-5, 0}});
        Dataset d = TeachingSets.blobs(500, centers, 0.5, new NumpyRandom(5));
        Matrix firstMean = d.inputs().selectRows(range(0, 500)).sumColumns().scale(1.0 / 500);
        assertEquals(5.0, firstMean.get(0, 0), 0.1);
        assertEquals(5.0, firstMean.get(0, 1), 0.1);
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        assertEquals(TeachingSets.moons(30, 0.1, new NumpyRandom(7)), TeachingSets.moons(30, 0.1, new NumpyRandom(7)));
        assertNotEquals(TeachingSets.moons(30, 0.1, new NumpyRandom(7)),
                TeachingSets.moons(30, 0.1, new NumpyRandom(8)));
    }

    @Test
    void splitKeepsEveryRowOnce() {
        Dataset d = TeachingSets.xor(10, 0.0, new NumpyRandom(9));
        Dataset.Split s = d.split(0.3, new NumpyRandom(10));
        assertEquals(7, s.train().rows());
        assertEquals(3, s.test().rows());
        assertEquals(d.inputs().sum(), s.train().inputs().sum() + s.test().inputs().sum(), 1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeachingSets.spirals(10, 1, 0.1, new NumpyRandom(1)));
        assertEquals("TeachingSets.spirals: need at least 2 classes, got 1", e.getMessage());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
