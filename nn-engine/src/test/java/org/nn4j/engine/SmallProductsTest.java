package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tiny-product loops ({@link SmallProducts}): bit for bit equal to a dot product summed in a loop from 0, for
 * every inner size from 0 to 9 (the written-out cases 1 to 4 and the loop), in all four forms, and with signed
 * zeros.
 */
class SmallProductsTest {

    /** The reference: one dot product per element, from 0.0 in increasing p, then added to c. */
    private static double[] naive(double[] a, double[] b, double[] c, int n, int k, int m, boolean aT, boolean bT) {
        double[] out = c.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += (aT ? a[p * n + i] : a[i * k + p]) * (bT ? b[j * k + p] : b[p * m + j]);
                }
                out[i * m + j] += s;
            }
        }
        return out;
    }

    private static double[] random(SplittableRandom r, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = r.nextDouble(-2, 2);
        }
        return x;
    }

    @Test
    void everyFormIsBitIdenticalToTheLoopForInnerSizesZeroToNine() {
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k <= 9; k++) {
            for (int[] nm : new int[][] {{1, 1}, {4, 4}, {3, 5}, {7, 2}, {4, 1}, {2, 4}, {9, 1}}) {
                int n = nm[0];
                int m = nm[1];
                double[] a = random(r, n * k);
                double[] b = random(r, k * m);
                double[] c = random(r, n * m);
                double[] got = c.clone();
                SmallProducts.addTransposeMultiply(a, b, got, k, n, m);
                assertArrayBits(naive(a, b, c, n, k, m, true, false), got, "+= Aᵀ·B k=" + k);
                got = random(r, n * m);
                SmallProducts.setMultiply(a, b, got, n, k, m);
                assertArrayBits(naive(a, b, new double[n * m], n, k, m, false, false), got, "= A·B k=" + k);
                got = random(r, n * m);
                SmallProducts.setTransposeMultiply(a, b, got, k, n, m);
                assertArrayBits(naive(a, b, new double[n * m], n, k, m, true, false), got, "= Aᵀ·B k=" + k);
                got = random(r, n * m);
                SmallProducts.setMultiplyTranspose(a, b, got, n, k, m);
                assertArrayBits(naive(a, b, new double[n * m], n, k, m, false, true), got, "= A·Bᵀ k=" + k);
            }
        }
    }

    @Test
    void aSumOfNegativeZerosIsPositiveZeroAsInTheLoop() {
        for (int k = 1; k <= 6; k++) {
            double[] a = new double[k];
            Arrays.fill(a, -0.0);
            double[] b = new double[k];
            double[] c = {-0.0};
            SmallProducts.setMultiplyTranspose(a, b, c, 1, k, 1);
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(c[0]), "k=" + k);
        }
    }

    static void assertArrayBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + ", element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
