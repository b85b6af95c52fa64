package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exponential kernels behind {@link Matrix#expInPlace()}: the scalar one is {@link Math#exp} exactly; the
 * vector one within 1 ulp of it, for every length from 0 to 40 (full vectors, the 4- and 2-lane tails and the last
 * single element), over the sigmoid's whole clipped range, and it leaves elements past {@code length} alone. The
 * fused logistic function ({@link Matrix#logisticInPlace()}) is, in each kernel, bit for bit {@code 1 / (1 + e)}
 * of that kernel's own exponential of {@code −x}: fusing the three passes changes no result. The clamped form
 * ({@link Matrix#setClampedLogisticInPlace}) is, in each kernel, bit for bit the clamp followed by that logistic.
 * The vector kernel's tail (fewer elements than one vector) gets the very same exponential as a full vector.
 */
class ExpKernelTest {

    @Test
    void scalarKernelIsMathExp() {
        double[] x = {-745.2, -250, -1, -0.0, 0.0, 1e-300, 0.5, 1, 250, 709.7, Double.NaN};
        double[] y = x.clone();
        ExpKernel.SCALAR.exp(y, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Math.exp(x[i])), Double.doubleToRawLongBits(y[i]), "x=" + x[i]);
        }
    }

    @Test
    void vectorKernelIsWithinOneUlpForEveryLength() {
        assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        ExpKernel vector = KernelChoice.expKernel("vector");
        SplittableRandom r = new SplittableRandom(3);
        int checked = 0;
        for (int length = 0; length <= 40; length++) {
            for (int round = 0; round < 50; round++) {
                double[] x = new double[length + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextDouble(-250, 250);
                }
                double[] y = x.clone();
                vector.exp(y, length);
                for (int i = 0; i < length; i++) {
                    double e = Math.exp(x[i]);
                    assertTrue(Math.abs(y[i] - e) <= Math.ulp(e), "exp(" + x[i] + "): " + y[i] + " vs " + e);
                    checked++;
                }
                for (int i = length; i < x.length; i++) {
                    assertEquals(x[i], y[i], "element " + i + " past length " + length + " changed");
                }
            }
        }
        assertEquals(50 * 41 * 40 / 2, checked);
    }

    @Test
    void matrixExpInPlaceChangesEveryElement() {
        Matrix m = Matrix.fromRowMajor(2, 3, 0, 1, -1, 2, -2, 0.5);
        assertSame(m, m.expInPlace());
        double[] expected = {1, Math.E, 1 / Math.E, Math.exp(2), Math.exp(-2), Math.exp(0.5)};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], m.getFlat(i), Math.ulp(expected[i]), "element " + i);
        }
    }

    @Test
    void scalarLogisticIsOneOverOnePlusMathExpOfMinusX() {
        double[] x = {-800, -250, -1, -0.0, 0.0, 1e-300, 0.5, 1, 250, 800, Double.NaN};
        double[] y = x.clone();
        ExpKernel.SCALAR.logistic(y, y.length);
        for (int i = 0; i < x.length; i++) {
            double expected = 1.0 / (1.0 + Math.exp(-x[i]));
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(y[i]), "x=" + x[i]);
        }
        assertEquals(0.0, y[0], "e^800 overflows to infinity: 1/(1 + ∞) is 0");
        assertEquals(0.5, y[3]);
        assertEquals(1.0, y[9]);
    }

    @Test
    void vectorLogisticIsItsOwnExponentialFusedBitForBitForEveryLength() {
        assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        ExpKernel vector = KernelChoice.expKernel("vector");
        SplittableRandom r = new SplittableRandom(4);
        int checked = 0;
        for (int length = 0; length <= 40; length++) {
            for (int round = 0; round < 20; round++) {
                double[] x = new double[length + 3];
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.nextDouble(-250, 250);
                }
                // The three passes Sigmoid made before the fused form: t = −x, t = e^t, y = 1/(1 + t).
                double[] threePasses = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    threePasses[i] = -x[i];
                }
                vector.exp(threePasses, length);
                double[] y = x.clone();
                vector.logistic(y, length);
                for (int i = 0; i < length; i++) {
                    double expected = 1.0 / (1.0 + threePasses[i]);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(y[i]),
                            "σ(" + x[i] + ") at " + i + " of " + length);
                    double exact = 1.0 / (1.0 + Math.exp(-x[i]));
                    assertTrue(Math.abs(y[i] - exact) <= 2 * Math.ulp(exact), "σ(" + x[i] + "): " + y[i] + " vs "
                            + exact);
                    checked++;
                }
                for (int i = length; i < x.length; i++) {
                    assertEquals(x[i], y[i], "element " + i + " past length " + length + " changed");
                }
            }
        }
        assertEquals(20 * 41 * 40 / 2, checked);
    }

    @Test
    void matrixLogisticInPlaceChangesEveryElement() {
        Matrix m = Matrix.fromRowMajor(3, 3, 0, 1, -1, 2, -2, 0.5, 30, -30, 250);
        assertSame(m, m.logisticInPlace());
        double[] x = {0, 1, -1, 2, -2, 0.5, 30, -30, 250};
        for (int i = 0; i < x.length; i++) {
            double expected = 1.0 / (1.0 + Math.exp(-x[i]));
            assertEquals(expected, m.getFlat(i), 2 * Math.ulp(expected), "σ(" + x[i] + ")");
        }
    }

    @Test
    void vectorTailElementsGetTheSameExponentialAsFullVectors() {
        assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        ExpKernel vector = KernelChoice.expKernel("vector");
        SplittableRandom r = new SplittableRandom(9);
        for (int tail = 1; tail < 8; tail++) {
            for (int round = 0; round < 50; round++) {
                double[] inTail = new double[tail];
                double[] inFull = new double[8];   // one whole vector (at most L = 8 lanes)
                for (int i = 0; i < tail; i++) {
                    inTail[i] = r.nextDouble(-250, 250);
                    inFull[i] = inTail[i];
                }
                double[] a = inTail.clone();
                double[] b = inFull.clone();
                vector.exp(a, tail);
                vector.exp(b, 8);
                double[] c = inTail.clone();
                double[] d = inFull.clone();
                vector.logistic(c, tail);
                vector.logistic(d, 8);
                for (int i = 0; i < tail; i++) {
                    assertEquals(Double.doubleToRawLongBits(b[i]), Double.doubleToRawLongBits(a[i]),
                            "exp(" + inTail[i] + ") in a tail of " + tail);
                    assertEquals(Double.doubleToRawLongBits(d[i]), Double.doubleToRawLongBits(c[i]),
                            "σ(" + inTail[i] + ") in a tail of " + tail);
                }
            }
        }
    }

    private static final double[] SPECIAL = {-1e300, -800, -250.5, -250, -5, -0.0, 0.0, 5, 36.7, 37.5, 38, 39, 249.9,
        250, 251, 800, 1e300, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};

    @Test
    void clampedLogisticIsTheClampThenTheKernelsLogisticBitForBit() {
        java.util.List<ExpKernel> kernels = new java.util.ArrayList<>(java.util.List.of(ExpKernel.SCALAR));
        if (KernelChoice.vectorModulePresent()) {
            kernels.add(KernelChoice.expKernel("vector"));
        }
        SplittableRandom r = new SplittableRandom(10);
        int checked = 0;
        // 250 is the sigmoid's clip (where the vector kernel clamps only from below: above 38 the result is 1.0
        // anyway); 5 and 0 are clamped on both sides.
        for (double limit : new double[] {250, 5, 0}) {
            for (ExpKernel kernel : kernels) {
                for (int length = 0; length <= 40; length++) {
                    for (int round = 0; round < 10; round++) {
                        checked += checkClampedLogistic(kernel, limit, length, r);
                    }
                }
            }
        }
        assertEquals(3 * kernels.size() * 10 * 41 * 40 / 2, checked);
    }

    /** One array of {@code length + 3} (a quarter of them special values): both ways, into another and in place. */
    private static int checkClampedLogistic(ExpKernel kernel, double limit, int length, SplittableRandom r) {
        double[] x = new double[length + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextDouble(-400, 400);
        }
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = Math.max(-limit, Math.min(limit, x[i]));
        }
        kernel.logistic(expected, length);
        double[] to = new double[x.length];
        java.util.Arrays.fill(to, 7.0);
        kernel.clampedLogistic(x, to, length, limit);
        double[] inPlace = x.clone();
        kernel.clampedLogistic(inPlace, inPlace, length, limit);
        for (int i = 0; i < length; i++) {
            String what = kernel.getClass().getSimpleName() + " σ(clamp(" + x[i] + ", " + limit + ")) at " + i
                    + " of " + length;
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(to[i]), what);
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(inPlace[i]),
                    what + " (in place)");
        }
        for (int i = length; i < x.length; i++) {
            assertEquals(7.0, to[i], "element " + i + " past length " + length + " written");
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(inPlace[i]),
                    "element " + i + " past length " + length + " changed");
        }
        return length;
    }

    @Test
    void matrixClampedLogisticWritesEveryElementAndNamesBadArguments() {
        Matrix z = Matrix.fromRowMajor(2, 3, 0, 1, -300, 300, Double.NaN, -0.5);
        Matrix out = Matrix.filled(2, 3, 9.0);
        assertSame(out, out.setClampedLogisticInPlace(z, 250));
        double[] x = {0, 1, -250, 250, Double.NaN, -0.5};
        for (int i = 0; i < x.length; i++) {
            if (i != 4) {
                double expected = 1.0 / (1.0 + Math.exp(-x[i]));
                assertEquals(expected, out.getFlat(i), 2 * Math.ulp(expected), "σ(clamp(" + z.getFlat(i) + "))");
            }
        }
        assertTrue(Double.isNaN(out.getFlat(4)), "NaN stays NaN");
        Matrix same = z.copy();
        assertEquals(out, same.setClampedLogisticInPlace(same, 250), "in place, the same numbers");
        IllegalArgumentException shape = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Matrix.zeros(3, 2).setClampedLogisticInPlace(z, 250));
        assertTrue(shape.getMessage().contains("setClampedLogisticInPlace") && shape.getMessage().contains("2×3"),
                shape.getMessage());
        IllegalArgumentException limit = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> out.setClampedLogisticInPlace(z, -1));
        assertTrue(limit.getMessage().contains("at least 0, got -1.0"), limit.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> out.setClampedLogisticInPlace(z, Double.NaN));
    }
}
