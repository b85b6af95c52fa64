package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every product kernel, in all three product forms, against a naive triple loop written independently here, on
 * shapes chosen to hit every edge: 1×1, single rows and columns, primes, sizes that are not multiples of the tile
 * (8×16, 4 rows) or of a block (KC, MC, NC), and products large enough to be split across threads.
 */
class ProductKernelsTest {

    /** n, k, m. */
    static final int[][] SHAPES = {
            {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {1, 300, 1}, {1, 13, 300}, {300, 13, 1}, {3, 5, 7}, {7, 3, 5},
            {8, 8, 16}, {9, 17, 33}, {13, 31, 61}, {17, 127, 10}, {61, 257, 19}, {64, 129, 10}, {65, 64, 257},
            {127, 131, 137}, {4, 523, 5}, {71, 3, 263}, {131, 67, 97},
    };

    enum Form { TIMES, TRANSPOSE_TIMES, TIMES_TRANSPOSE }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String kernel : List.of("scalar", "vector")) {
            for (Form form : Form.values()) {
                for (int[] s : SHAPES) {
                    for (int threads : new int[] {1, 3}) {
                        cases.add(Arguments.of(kernel, form, s[0], s[1], s[2], threads));
                    }
                }
            }
        }
        return cases.stream();
    }

    static ProductKernel kernel(String name) {
        if (name.equals("vector")) {
            assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
            return KernelChoice.vectorKernel();
        }
        return new ScalarKernel();
    }

    @ParameterizedTest(name = "{0} {1} {2}×{3}×{4} threads={5}")
    @MethodSource("cases")
    void kernelAgreesWithNaiveLoops(String kernelName, Form form, int n, int k, int m, int threads) {
        ProductKernel kernel = kernel(kernelName);
        SplittableRandom random = new SplittableRandom(31L * n + 7L * k + m);
        double[] a = randomArray(random, n * k);
        double[] b = randomArray(random, k * m);
        double[] c = randomArray(random, n * m);
        double[] expected = c.clone();
        double[] bound = new double[n * m];
        // a is stored as A (n×k) or Aᵀ (k×n); b as B (k×m) or Bᵀ (m×k); the reference reads them element-wise.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double x = form == Form.TRANSPOSE_TIMES ? a[p * n + i] : a[i * k + p];
                    double y = form == Form.TIMES_TRANSPOSE ? b[j * k + p] : b[p * m + j];
                    sum += x * y;
                    abs += Math.abs(x * y);
                }
                expected[i * m + j] += sum;
                bound[i * m + j] = (k + 2) * 0x1p-52 * (abs + Math.abs(c[i * m + j]));
            }
        }
        Product product = switch (form) {
            case TIMES -> new Product(a, k, 1, b, m, 1, c, n, k, m);
            case TRANSPOSE_TIMES -> new Product(a, 1, n, b, m, 1, c, n, k, m);
            case TIMES_TRANSPOSE -> new Product(a, k, 1, b, 1, k, c, n, k, m);
        };
        Products.run(kernel, product, threads);
        for (int index = 0; index < n * m; index++) {
            int e = index;
            double error = Math.abs(c[e] - expected[e]);
            assertTrue(error <= bound[e], () -> kernelName + " " + form + " " + n + "×" + k + "×" + m
                    + ": element (" + e / m + ", " + e % m + ") error " + error + " exceeds " + bound[e]);
        }
    }

    @Test
    void aLargeProductIsCutIntoBandsThatCoverTheOutputOnce() {
        // 131·67·97 ≈ 851,000 multiply-adds: above PARALLEL_WORK, so the threads=3 cases above really split.
        int n = 131;
        int m = 97;
        int[] covered = new int[n * m];
        List<String> bands = java.util.Collections.synchronizedList(new ArrayList<>());
        ProductKernel recorder = new ProductKernel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void multiply(Product product, int rowFrom, int rowTo, int colFrom, int colTo) {
                bands.add(rowFrom + ".." + rowTo);
                for (int i = rowFrom; i < rowTo; i++) {
                    for (int j = colFrom; j < colTo; j++) {
                        covered[i * m + j]++;
                    }
                }
            }
        };
        Products.run(recorder, new Product(new double[n * 67], 67, 1, new double[67 * m], m, 1, new double[n * m],
                n, 67, m), 3);
        assertEquals(3, bands.size(), bands::toString);
        for (int count : covered) {
            assertEquals(1, count);
        }
    }

    @Test
    void matrixProductsAgreeAcrossTheSmallAndBlockedPaths() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] s : new int[][] {{2, 4, 4}, {16, 16, 15}, {16, 16, 16}, {40, 30, 20}}) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            Matrix a = Matrix.fromRowMajor(n, k, randomArray(random, n * k));
            Matrix b = Matrix.fromRowMajor(k, m, randomArray(random, k * m));
            Matrix naive = naiveTimes(a, b);
            assertClose(naive, a.times(b));
            assertClose(naive, a.transpose().transposeTimes(b));
            assertClose(naive, a.timesTranspose(b.transpose()));
            Matrix acc = Matrix.filled(n, m, 1.0);
            acc.addTransposeTimesInPlace(a.transpose(), b);
            assertClose(naive.plus(Matrix.filled(n, m, 1.0)), acc);
        }
    }

    @Test
    void smallProductsKeepTheTextbookOrderBitForBit() {
        // Below SMALL_WORK every element is Σ_p a[i][p]·b[p][j] summed in increasing p: the blog's XOR run
        // depends on it to reproduce numpy's printed digits.
        Matrix a = Matrix.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        Matrix b = Matrix.of(new double[][] {{0.7, 0.8}, {0.9, 1.0}, {1.1, 1.2}});
        Matrix product = a.times(b);
        assertEquals(((0.0 + 0.1 * 0.7) + 0.2 * 0.9) + 0.3 * 1.1, product.get(0, 0), 0.0);
        assertEquals(((0.0 + 0.4 * 0.8) + 0.5 * 1.0) + 0.6 * 1.2, product.get(1, 1), 0.0);
    }

    @Test
    void productKernelDescribesTheChoice() {
        String description = Matrix.productKernel();
        assertTrue(description.startsWith("vector") || description.startsWith("scalar"), description);
        assertTrue(description.contains("thread"), description);
    }

    private static Matrix naiveTimes(Matrix a, Matrix b) {
        Matrix out = Matrix.zeros(a.rows(), b.cols());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                out.set(i, j, s);
            }
        }
        return out;
    }

    private static void assertClose(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.getFlat(i), actual.getFlat(i), 1e-12 * (1 + Math.abs(expected.getFlat(i))),
                    "element " + i);
        }
    }

    static double[] randomArray(SplittableRandom random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }
}
