package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-place operations a training step uses to avoid temporary matrices. */
class AccumulatingOperationsTest {

    @Test
    void addRowInPlaceBroadcastsLikePlusRow() {
        Matrix z = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Matrix b = Matrix.rowVector(0.5, -1);
        Matrix expected = z.plusRow(b);
        assertSame(z, z.addRowInPlace(b));
        assertEquals(expected, z);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> z.addRowInPlace(Matrix.rowVector(1, 2, 3)));
        assertEquals("addRowInPlace: 3×2 + 1×3 — expected a 1×2 row", e.getMessage());
    }

    @Test
    void addTransposeTimesInPlaceAddsTheProduct() {
        // Small (simple loops) and large (blocked kernel) shapes: both add to what is there.
        SplittableRandom random = new SplittableRandom(3);
        for (int[] s : new int[][] {{4, 2, 4}, {64, 37, 21}}) {
            int k = s[0];
            int n = s[1];
            int m = s[2];
            Matrix a = Matrix.fromRowMajor(k, n, randomArray(random, k * n));
            Matrix b = Matrix.fromRowMajor(k, m, randomArray(random, k * m));
            Matrix gradient = Matrix.filled(n, m, 0.25);
            Matrix expected = a.transpose().times(b).plus(Matrix.filled(n, m, 0.25));
            assertSame(gradient, gradient.addTransposeTimesInPlace(a, b));
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.getFlat(i), gradient.getFlat(i), 1e-12, "element " + i);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(2, 4).addTransposeTimesInPlace(Matrix.zeros(3, 2), Matrix.zeros(4, 4)));
        assertEquals("addTransposeTimesInPlace: 2×4 += 3×2ᵀ · 4×4 — expected a: k×2 and b: k×4 with the same k",
                e.getMessage());
    }

    @Test
    void addTransposeTimesInPlaceOnZerosIsBitIdenticalToTransposeTimes() {
        // The blog's run depends on this: the gradient accumulated in place equals the product computed apart.
        Matrix a = Matrix.of(new double[][] {{0.1, 0.7}, {0.3, 0.11}, {0.5, 0.13}, {0.9, 0.17}});
        Matrix b = Matrix.of(new double[][] {{0.2, 0.4, 0.6, 0.8}, {1.1, 1.3, 1.7, 1.9}, {0.23, 0.29, 0.31, 0.37},
                {0.41, 0.43, 0.47, 0.53}});
        assertEquals(a.transposeTimes(b), Matrix.zeros(2, 4).addTransposeTimesInPlace(a, b));
    }

    private static double[] randomArray(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }
}
