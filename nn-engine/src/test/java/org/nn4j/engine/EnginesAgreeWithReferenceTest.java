package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fast engine (scalar and vector, on one thread and on three) against {@link Engine#reference()}, through
 * the {@link Engine} interface, in all four product forms and for {@code exp}, on odd shapes: 1×1, single rows and
 * columns, primes, both sides of the small-product threshold (4,096 multiply-adds), sizes that cross the kernels'
 * tile and block edges, and the MLP's products. The overwriting forms get a {@code c} full of NaN, so an engine
 * that read any element of it, or left one unwritten, fails. Below the threshold the engines promise the
 * reference's bits; above it, the reference's value to within the rounding of a {@code k}-term sum.
 */
class EnginesAgreeWithReferenceTest {

    /** n, k, m: c is n×m, the inner size is k. */
    static final int[][] SHAPES = {
            {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {2, 3, 5}, {4, 2, 4}, {4, 4, 1}, {3, 5, 7}, {7, 3, 5}, {16, 16, 15},
            {16, 16, 16}, {13, 17, 19}, {8, 8, 64}, {9, 17, 33}, {17, 127, 10}, {61, 257, 19}, {65, 64, 257},
            {127, 131, 137}, {4, 523, 5}, {71, 3, 263}, {300, 13, 1}, {1, 13, 300},
            {64, 784, 128}, {64, 128, 10}, {128, 64, 10}, {64, 10, 128}, {784, 64, 128}, {63, 10, 127},
    };

    enum Form { MULTIPLY, TRANSPOSE_MULTIPLY, MULTIPLY_TRANSPOSE, ADD_TRANSPOSE_MULTIPLY }

    static Stream<Arguments> engines() {
        List<Arguments> engines = new ArrayList<>();
        for (String kernel : List.of("scalar", "vector")) {
            for (String threads : List.of("1", "3")) {
                engines.add(Arguments.of(kernel, threads));
            }
        }
        return engines.stream();
    }

    private static Engine engine(String kernel, String threads) {
        if (kernel.equals("vector")) {
            assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        }
        return KernelChoice.engine(kernel, threads);
    }

    @ParameterizedTest(name = "{0}, {1} threads")
    @MethodSource("engines")
    void everyProductAgreesWithTheReference(String kernel, String threads) {
        Engine engine = engine(kernel, threads);
        for (Form form : Form.values()) {
            for (int[] s : SHAPES) {
                check(engine, form, s[0], s[1], s[2]);
                check(engine, form, s[2], s[1], s[0]);
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1} threads")
    @MethodSource("engines")
    void expAgreesWithTheReference(String kernel, String threads) {
        Engine engine = engine(kernel, threads);
        SplittableRandom random = new SplittableRandom(2);
        for (int length : new int[] {0, 1, 4, 7, 8, 9, 31, 64, 1000}) {
            double[] x = new double[length + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble(-300, 300);
            }
            double[] expected = new double[x.length];
            Engine.reference().exp(x, expected, length);
            double[] out = new double[x.length];
            engine.exp(x, out, length);
            double[] inPlace = x.clone();
            engine.exp(inPlace, inPlace, length);
            for (int i = 0; i < length; i++) {
                double ulp = kernel.equals("scalar") ? 0 : Math.ulp(expected[i]);
                assertTrue(Math.abs(out[i] - expected[i]) <= ulp, "exp(" + x[i] + "): " + out[i] + " vs "
                        + expected[i]);
                assertEquals(out[i], inPlace[i], "exp in place at " + i);
            }
            assertEquals(0.0, out[length], "past length");
            assertEquals(x[length], inPlace[length], "past length, in place");
        }
    }

    /** One product by the engine and by the reference, from the same operands, compared element by element. */
    private static void check(Engine engine, Form form, int n, int k, int m) {
        SplittableRandom random = new SplittableRandom(31L * n + 7L * k + m + form.ordinal());
        double[] a = randomArray(random, n * k);
        double[] b = randomArray(random, k * m);
        double[] start = form == Form.ADD_TRANSPOSE_MULTIPLY ? randomArray(random, n * m) : nans(n * m);
        double[] expected = start.clone();
        double[] actual = start.clone();
        run(Engine.reference(), form, a, b, expected, n, k, m);
        run(engine, form, a, b, actual, n, k, m);
        boolean small = (long) n * k * m < FastEngine.SMALL_WORK;
        for (int e = 0; e < n * m; e++) {
            int i = e / m;
            int j = e % m;
            double bound = small ? 0 : (k + 2) * 0x1p-52 * (absSum(form, a, b, i, j, n, k, m)
                    + (form == Form.ADD_TRANSPOSE_MULTIPLY ? Math.abs(start[e]) : 0));
            double error = Math.abs(actual[e] - expected[e]);
            int at = e;
            assertTrue(error <= bound && !Double.isNaN(actual[e]), () -> engine.description() + " " + form + " "
                    + n + "×" + k + "×" + m + ": element (" + at / m + ", " + at % m + ") is " + actual[at]
                    + ", the reference " + expected[at] + " (bound " + bound + ")");
            if (small) {
                assertEquals(Double.doubleToRawLongBits(expected[e]), Double.doubleToRawLongBits(actual[e]),
                        "bits of a small product");
            }
        }
    }

    /** {@code a} and {@code b} hold A and B as the form stores them: Aᵀ is k×n, Bᵀ is m×k. */
    private static void run(Engine engine, Form form, double[] a, double[] b, double[] c, int n, int k, int m) {
        switch (form) {
            case MULTIPLY -> engine.multiply(a, b, c, n, k, m);
            case TRANSPOSE_MULTIPLY -> engine.transposeMultiply(a, b, c, k, n, m);
            case MULTIPLY_TRANSPOSE -> engine.multiplyTranspose(a, b, c, n, k, m);
            case ADD_TRANSPOSE_MULTIPLY -> engine.addTransposeMultiply(a, b, c, k, n, m);
        }
    }

    /** {@code Σ_p |A(i, p)·B(p, j)|}, which bounds the rounding error of any order of summing the products. */
    private static double absSum(Form form, double[] a, double[] b, int i, int j, int n, int k, int m) {
        boolean aT = form == Form.TRANSPOSE_MULTIPLY || form == Form.ADD_TRANSPOSE_MULTIPLY;
        boolean bT = form == Form.MULTIPLY_TRANSPOSE;
        double sum = 0;
        for (int p = 0; p < k; p++) {
            sum += Math.abs((aT ? a[p * n + i] : a[i * k + p]) * (bT ? b[j * k + p] : b[p * m + j]));
        }
        return sum;
    }

    private static double[] nans(int length) {
        double[] x = new double[length];
        Arrays.fill(x, Double.NaN);
        return x;
    }

    static double[] randomArray(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }
}
