package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every product kernel, in all three product forms and both modes (adding into C, and overwriting C without reading
 * it), against a naive triple loop written independently here, on shapes chosen to hit every edge: 1×1, single rows
 * and columns, primes, sizes that are not multiples of the tile (8×16, 4 rows) or of a block (KC, MC, NC), the
 * MLP's δ1·W1ᵀ and a two-slice relative (in the A·Bᵀ form the vector kernel computes them as Cᵀ = B·Aᵀ), every
 * width and inner dimension from 1 to 17, and products large enough to be shared by threads. An overwritten C
 * starts out full of NaN, so a kernel that read any element of it, or left one unwritten, fails.
 */
class ProductKernelsTest {

    /** n, k, m. */
    static final int[][] SHAPES = {
            {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {1, 300, 1}, {1, 13, 300}, {300, 13, 1}, {3, 5, 7}, {7, 3, 5},
            {8, 8, 16}, {9, 17, 33}, {13, 31, 61}, {17, 127, 10}, {61, 257, 19}, {64, 129, 10}, {65, 64, 257},
            {127, 131, 137}, {4, 523, 5}, {71, 3, 263}, {131, 67, 97}, {64, 10, 128}, {63, 10, 127},
            {65, 11, 129}, {16, 2, 32}, {13, 300, 200}, {64, 128, 784},
    };

    enum Form { TIMES, TRANSPOSE_TIMES, TIMES_TRANSPOSE }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String kernel : List.of("scalar", "vector")) {
            for (Form form : Form.values()) {
                for (int[] s : SHAPES) {
                    for (int threads : new int[] {1, 3}) {
                        for (boolean overwrite : new boolean[] {false, true}) {
                            cases.add(Arguments.of(kernel, form, s[0], s[1], s[2], threads, overwrite));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    static ProductKernel kernel(String name) {
        if (name.equals("vector")) {
            assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
            return new VectorKernel();
        }
        return new ScalarKernel();
    }

    @ParameterizedTest(name = "{0} {1} {2}×{3}×{4} threads={5} overwrite={6}")
    @MethodSource("cases")
    void kernelAgreesWithNaiveLoops(String kernelName, Form form, int n, int k, int m, int threads,
            boolean overwrite) {
        checkAgainstNaiveLoops(kernel(kernelName), kernelName, form, n, k, m, threads, overwrite);
    }

    /**
     * Every narrow width and short inner dimension from 1 to 17 (around the vector kernel's 16-column tile and the
     * MLP's 10 outputs), on heights around the 8-row tile: the in-place and edge paths of both kernels, and in
     * overwrite mode the whole tiles stored straight into C next to the edge tiles copied there.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernelsAndForms")
    void narrowWidthsAndShortInnerDimensionsAgreeWithNaiveLoops(String kernelName, Form form) {
        ProductKernel kernel = kernel(kernelName);
        for (int n : new int[] {1, 7, 8, 9, 17, 64}) {
            for (int k = 1; k <= 17; k++) {
                for (int m = 1; m <= 17; m++) {
                    for (boolean overwrite : new boolean[] {false, true}) {
                        checkAgainstNaiveLoops(kernel, kernelName, form, n, k, m, 1, overwrite);
                        checkAgainstNaiveLoops(kernel, kernelName, form, m, k, n, 1, overwrite);
                    }
                }
            }
        }
    }

    /** Products above {@link FastEngine#PARALLEL_WORK}, cut into columns or rows, on 2 and 3 threads. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernelsAndForms")
    void productsSharedByThreadsAgreeWithNaiveLoops(String kernelName, Form form) {
        ProductKernel kernel = kernel(kernelName);
        int[][] shapes = {{64, 784, 128}, {784, 64, 128}, {70, 100, 61}, {500, 40, 30}, {33, 300, 47},
                {257, 9, 255}, {331, 10, 263}};
        for (int[] s : shapes) {
            for (int threads : new int[] {2, 3}) {
                for (boolean overwrite : new boolean[] {false, true}) {
                    checkAgainstNaiveLoops(kernel, kernelName, form, s[0], s[1], s[2], threads, overwrite);
                }
            }
        }
    }

    static Stream<Arguments> kernelsAndForms() {
        List<Arguments> cases = new ArrayList<>();
        for (String kernel : List.of("scalar", "vector")) {
            for (Form form : Form.values()) {
                cases.add(Arguments.of(kernel, form));
            }
        }
        return cases.stream();
    }

    /**
     * {@code C += A·B}, or {@code C = A·B} into a C full of NaN when {@code overwrite}, by the kernel through
     * {@link FastEngine#run}, against a naive triple loop, element-wise.
     */
    private static void checkAgainstNaiveLoops(ProductKernel kernel, String kernelName, Form form, int n, int k,
            int m, int threads, boolean overwrite) {
        SplittableRandom random = new SplittableRandom(31L * n + 7L * k + m);
        double[] a = randomArray(random, n * k);
        double[] b = randomArray(random, k * m);
        double[] c = randomArray(random, n * m);
        if (overwrite) {
            Arrays.fill(c, Double.NaN);
        }
        double[] start = overwrite ? new double[n * m] : c.clone();
        double[] expected = start.clone();
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
                bound[i * m + j] = (k + 2) * 0x1p-52 * (abs + Math.abs(start[i * m + j]));
            }
        }
        Product product = switch (form) {
            case TIMES -> new Product(a, k, 1, b, m, 1, c, n, k, m, overwrite);
            case TRANSPOSE_TIMES -> new Product(a, 1, n, b, m, 1, c, n, k, m, overwrite);
            case TIMES_TRANSPOSE -> new Product(a, k, 1, b, 1, k, c, n, k, m, overwrite);
        };
        FastEngine.run(kernel, product, threads);
        for (int index = 0; index < n * m; index++) {
            int e = index;
            double error = Math.abs(c[e] - expected[e]);
            assertTrue(error <= bound[e], () -> kernelName + " " + form + " " + n + "×" + k + "×" + m + " threads="
                    + threads + " overwrite=" + overwrite + ": element (" + e / m + ", " + e % m + ") is " + c[e]
                    + ", expected " + expected[e] + " (bound " + bound[e] + ")");
        }
    }

    @Test
    void aLargeProductIsCutIntoChunksThatCoverTheOutputOnce() {
        // 131·67·97 ≈ 851,000 multiply-adds: above PARALLEL_WORK, so the threads=3 cases above really split.
        int n = 131;
        int m = 97;
        int[] covered = new int[n * m];
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        ProductKernel recorder = new ProductKernel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void multiply(Product product, int rowFrom, int rowTo, int colFrom, int colTo) {
                chunks.add(rowFrom + ".." + rowTo + " × " + colFrom + ".." + colTo);
                for (int i = rowFrom; i < rowTo; i++) {
                    for (int j = colFrom; j < colTo; j++) {
                        covered[i * m + j]++;
                    }
                }
            }
        };
        FastEngine.run(recorder, new Product(new double[n * 67], 67, 1, new double[67 * m], m, 1, new double[n * m],
                n, 67, m), 3);
        // A row-major A is shared, so C is cut into columns: 97 = 32 + 32 + 32 + 1, whole multiples of 16.
        assertEquals(List.of("0..131 × 0..32", "0..131 × 32..64", "0..131 × 64..96", "0..131 × 96..97"),
                chunks.stream().sorted().toList());
        for (int count : covered) {
            assertEquals(1, count);
        }
    }

    @Test
    void aProductWithATransposedAAndMoreRowsIsCutIntoRows() {
        List<String> chunks = Collections.synchronizedList(new ArrayList<>());
        ProductKernel recorder = new ProductKernel() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public void multiply(Product product, int rowFrom, int rowTo, int colFrom, int colTo) {
                chunks.add(rowFrom + ".." + rowTo + " × " + colFrom + ".." + colTo);
            }
        };
        // Xᵀ·δ1 of the MLP: 784×64ᵀ · 64×128.
        FastEngine.run(recorder, new Product(new double[64 * 784], 1, 784, new double[64 * 128], 128, 1,
                new double[784 * 128], 784, 64, 128), 2);
        assertEquals(List.of("0..208 × 0..128", "208..416 × 0..128", "416..624 × 0..128", "624..784 × 0..128"),
                chunks.stream().sorted().toList());
    }

    @Test
    void aFailureInAnyChunkReachesTheCaller() {
        ProductKernel failing = new ProductKernel() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void multiply(Product product, int rowFrom, int rowTo, int colFrom, int colTo) {
                if (colFrom == 64) {
                    throw new IllegalStateException("chunk at column 64");
                }
            }
        };
        Product product = new Product(new double[64 * 784], 784, 1, new double[784 * 128], 128, 1,
                new double[64 * 128], 64, 784, 128);
        for (int threads : new int[] {2, 3}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> FastEngine.run(failing, product, threads));
            assertEquals("chunk at column 64", e.getMessage());
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
