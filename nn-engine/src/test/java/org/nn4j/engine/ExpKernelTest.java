package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exponential kernels behind {@link Engine#exp}: the scalar one is {@link Math#exp} exactly; the vector one
 * within 1 ulp of it, for every length from 0 to 40 (full vectors, the tails and the last single element), over
 * the sigmoid's whole clipped range, into another array or in place, and it leaves elements past {@code length}
 * alone. The vector kernel's tail (fewer elements than one vector) gets the very same exponential as a full vector.
 */
class ExpKernelTest {

    @Test
    void scalarKernelIsMathExp() {
        double[] x = {-745.2, -250, -1, -0.0, 0.0, 1e-300, 0.5, 1, 250, 709.7, 800, Double.NaN,
            Double.NEGATIVE_INFINITY};
        double[] y = new double[x.length];
        ExpKernel.SCALAR.exp(x, y, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Math.exp(x[i])), Double.doubleToRawLongBits(y[i]), "x=" + x[i]);
        }
    }

    @Test
    void vectorKernelIsWithinOneUlpForEveryLengthInPlaceOrNot() {
        ExpKernel vector = vector();
        SplittableRandom r = new SplittableRandom(3);
        int checked = 0;
        for (int length = 0; length <= 40; length++) {
            for (int round = 0; round < 50; round++) {
                double[] x = new double[length + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextDouble(-250, 250);
                }
                double[] inPlace = x.clone();
                vector.exp(inPlace, inPlace, length);
                double[] out = new double[x.length];
                java.util.Arrays.fill(out, 7.0);
                vector.exp(x, out, length);
                for (int i = 0; i < length; i++) {
                    double e = Math.exp(x[i]);
                    assertTrue(Math.abs(inPlace[i] - e) <= Math.ulp(e), "exp(" + x[i] + "): " + inPlace[i] + " vs "
                            + e);
                    assertEquals(Double.doubleToRawLongBits(inPlace[i]), Double.doubleToRawLongBits(out[i]),
                            "in place and into another array differ at " + i);
                    checked++;
                }
                for (int i = length; i < x.length; i++) {
                    assertEquals(x[i], inPlace[i], "element " + i + " past length " + length + " changed");
                    assertEquals(7.0, out[i], "element " + i + " past length " + length + " written");
                }
            }
        }
        assertEquals(50 * 41 * 40 / 2, checked);
    }

    @Test
    void vectorTailElementsGetTheSameExponentialAsFullVectors() {
        ExpKernel vector = vector();
        SplittableRandom r = new SplittableRandom(9);
        for (int tail = 1; tail < 8; tail++) {
            for (int round = 0; round < 50; round++) {
                double[] inTail = new double[tail];
                double[] inFull = new double[8];   // one whole vector (at most L = 8 lanes)
                for (int i = 0; i < tail; i++) {
                    inTail[i] = r.nextDouble(-250, 250);
                    inFull[i] = inTail[i];
                }
                double[] a = new double[tail];
                double[] b = new double[8];
                vector.exp(inTail, a, tail);
                vector.exp(inFull, b, 8);
                for (int i = 0; i < tail; i++) {
                    assertEquals(Double.doubleToRawLongBits(b[i]), Double.doubleToRawLongBits(a[i]),
                            "exp(" + inTail[i] + ") in a tail of " + tail);
                }
            }
        }
    }

    private static ExpKernel vector() {
        assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        return new VectorExpKernel();
    }
}
