package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tiny-product loops ({@link SmallProducts}) and the overwriting products built on them
 * ({@link Matrix#setTimesPlusRowInPlace}, {@link Matrix#setTimesTransposeInPlace}): bit for bit equal to a dot
 * product summed in a loop from 0, for every inner size from 1 to 9 (the written-out cases 1 to 4 and the loop),
 * on both sides of the small-product threshold, and with signed zeros.
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
    void everyFormIsBitIdenticalToTheLoopForInnerSizesOneToNine() {
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 1; k <= 9; k++) {
            for (int[] nm : new int[][] {{1, 1}, {4, 4}, {3, 5}, {7, 2}, {4, 1}, {2, 4}, {9, 1}}) {
                int n = nm[0];
                int m = nm[1];
                double[] a = random(r, n * k);
                double[] b = random(r, k * m);
                double[] c = random(r, n * m);
                double[] got = c.clone();
                SmallProducts.multiply(a, b, got, n, k, m);
                assertArrayBits(naive(a, b, c, n, k, m, false, false), got, "A·B k=" + k);
                got = c.clone();
                SmallProducts.transposeMultiply(a, b, got, k, n, m);
                assertArrayBits(naive(a, b, c, n, k, m, true, false), got, "Aᵀ·B k=" + k);
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
            java.util.Arrays.fill(a, -0.0);
            double[] b = new double[k];
            double[] c = {-0.0};
            SmallProducts.setMultiplyTranspose(a, b, c, 1, k, 1);
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(c[0]), "k=" + k);
        }
    }

    @Test
    void theDenseLayerFormIsTheRowPlusTheLoopSumBitForBit() {
        SplittableRandom r = new SplittableRandom(6);
        for (int k = 1; k <= 9; k++) {
            for (int[] nm : new int[][] {{1, 1}, {4, 4}, {3, 5}, {7, 2}, {4, 1}, {6, 1}}) {
                int n = nm[0];
                int m = nm[1];
                double[] a = random(r, n * k);
                double[] b = random(r, k * m);
                double[] row = random(r, m);
                double[] got = random(r, n * m);
                SmallProducts.multiplyPlusRow(a, b, row, got, n, k, m);
                double[] sums = naive(a, b, new double[n * m], n, k, m, false, false);
                double[] expected = new double[n * m];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = row[i % m] + sums[i];
                }
                assertArrayBits(expected, got, "row + A·B k=" + k + ", " + n + "×" + m);
            }
        }
    }

    @Test
    void setTimesPlusRowIsTheProductPlusTheRowOnBothSidesOfTheThreshold() {
        SplittableRandom r = new SplittableRandom(8);
        // 4×2·2×4 takes the small loops, 40×30·30×20 the blocked kernel.
        for (int[] s : new int[][] {{4, 2, 4}, {1, 1, 1}, {5, 3, 1}, {40, 30, 20}}) {
            Matrix x = Matrix.fromRowMajor(s[0], s[1], random(r, s[0] * s[1]));
            Matrix w = Matrix.fromRowMajor(s[1], s[2], random(r, s[1] * s[2]));
            Matrix bias = Matrix.fromRowMajor(1, s[2], random(r, s[2]));
            Matrix into = Matrix.filled(s[0], s[2], 123.0);
            assertSame(into, into.setTimesPlusRowInPlace(x, w, bias));
            Matrix expected = x.times(w).addRowInPlace(bias);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.getFlat(i), into.getFlat(i), 1e-13 * s[1], "element " + i + " of " + s[0]
                        + "×" + s[1] + "·" + s[1] + "×" + s[2]);
            }
            Matrix g = Matrix.fromRowMajor(s[0], s[2], random(r, s[0] * s[2]));
            Matrix back = Matrix.filled(s[0], s[1], -7.0);
            assertSame(back, back.setTimesTransposeInPlace(g, w));
            assertEquals(g.timesTranspose(w), back, "δ·Wᵀ overwrites the old elements");
        }
    }

    @Test
    void overwritingProductsNameEveryShapeWhenTheyDoNotFit() {
        Matrix x = Matrix.zeros(4, 2);
        Matrix w = Matrix.zeros(3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(4, 4).setTimesPlusRowInPlace(x, w, Matrix.zeros(1, 4)));
        assertEquals("setTimesPlusRowInPlace: 4×4 = 4×2 · 3×4 + 1×4 — expected a: 4×k, b: k×4, row: 1×4",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(4, 3).setTimesTransposeInPlace(Matrix.zeros(4, 1), Matrix.zeros(3, 2)));
        assertEquals("setTimesTransposeInPlace: 4×3 = 4×1 · 3×2ᵀ — expected a: 4×k and b: 3×k with the same k",
                e.getMessage());
    }

    @Test
    void reuseOrZerosReusesOnlyAnExactShape() {
        Matrix m = Matrix.filled(2, 3, 1.0);
        assertSame(m, Matrix.reuseOrZeros(m, 2, 3));
        Matrix other = Matrix.reuseOrZeros(m, 3, 2);
        assertTrue(other != m && other.hasShape(3, 2) && other.sum() == 0.0);
        assertTrue(Matrix.reuseOrZeros(null, 1, 1).hasShape(1, 1));
    }

    private static void assertArrayBits(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + ", element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
