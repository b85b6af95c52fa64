package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nn4j.engine.Engine;

/**
 * {@link Matrix#times}, {@link Matrix#transposeTimes}, {@link Matrix#timesTranspose} and
 * {@link Matrix#addTransposeTimesInPlace}, on whatever engine this JVM chose, against {@link Engine#reference()}
 * on odd shapes: 1×1, single rows and columns, primes, both sides of the small-product threshold, and the MLP's
 * products. Small products agree bit for bit (the engines promise the reference's summation order there); the
 * others to within the rounding of a {@code k}-term sum.
 */
class MatrixProductsTest {

    /** n, k, m: the result is n×m, the inner size is k. */
    private static final int[][] SHAPES = {
            {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {3, 1, 5}, {4, 2, 4}, {5, 7, 11}, {13, 3, 2}, {17, 19, 23},
            {16, 16, 15}, {16, 16, 16}, {31, 37, 41}, {61, 257, 19}, {127, 131, 137}, {300, 13, 1},
            {64, 784, 128}, {64, 128, 10}, {128, 64, 10}, {64, 10, 128}, {784, 64, 128},
    };

    @Test
    void everyProductAgreesWithTheReferenceEngine() {
        Engine reference = Engine.reference();
        SplittableRandom random = new SplittableRandom(1);
        for (int[] s : SHAPES) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            Matrix x = random(n, k, random);
            Matrix xT = x.transpose();
            Matrix y = random(k, m, random);
            Matrix yT = y.transpose();
            double[] expected = new double[n * m];
            reference.multiply(x.toRowMajorArray(), y.toRowMajorArray(), expected, n, k, m);
            String shape = n + "×" + k + " · " + k + "×" + m;
            assertAgrees(expected, x.times(y), k, false, "times " + shape);
            assertAgrees(expected, xT.transposeTimes(y), k, false, "transposeTimes " + shape);
            assertAgrees(expected, x.timesTranspose(yT), k, false, "timesTranspose " + shape);

            Matrix start = random(n, m, random);
            double[] accumulated = start.toRowMajorArray();
            reference.addTransposeMultiply(xT.toRowMajorArray(), y.toRowMajorArray(), accumulated, k, n, m);
            assertAgrees(accumulated, start.addTransposeTimesInPlace(xT, y), k, true, "addTransposeTimesInPlace "
                    + shape);
        }
    }

    /**
     * Bit for bit below the engines' small-product threshold of 4,096 multiply-adds; otherwise within the rounding
     * of summing {@code k} terms (one more when the product is added to a matrix), all of them at most 1.
     */
    private static void assertAgrees(double[] expected, Matrix actual, int k, boolean accumulate, String what) {
        assertEquals(expected.length, actual.size(), what);
        boolean small = (long) expected.length * k < 4_096;
        int terms = accumulate ? k + 1 : k;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual.getFlat(i);
            if (small) {
                assertEquals(Double.doubleToRawLongBits(e), Double.doubleToRawLongBits(a), what + ", element " + i
                        + ": " + a + " vs " + e);
            } else {
                assertTrue(Math.abs(a - e) <= (double) terms * terms * 0x1p-52, what + ", element " + i + ": " + a
                        + " vs " + e);
            }
        }
    }

    private static Matrix random(int rows, int cols, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.nextDouble(-1, 1));
        }
        return m;
    }
}
