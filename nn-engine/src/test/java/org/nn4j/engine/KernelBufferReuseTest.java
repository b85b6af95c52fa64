package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kernel that keeps packing buffers between products (the vector kernel, one set per thread) gives every product
 * the bits a fresh kernel gives it: after a larger product filled its buffers with NaN, on shapes whose strips and
 * tiles are short (so padding is read), in every form, from several threads at once, and through the thread split.
 */
class KernelBufferReuseTest {

    /** n, k, m: large first, then shorter slices, narrower strips and edge tiles. */
    private static final int[][] SHAPES = {
            {64, 784, 128}, {9, 17, 33}, {64, 10, 128}, {7, 300, 5}, {63, 257, 127}, {1, 13, 300}, {17, 127, 10},
            {64, 128, 784}, {8, 40, 16}, {131, 67, 97},
    };

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void aKernelThatHeldNaNGivesTheBitsOfAFreshKernel(String kernelName) {
        ProductKernel used = ProductKernelsTest.kernel(kernelName);
        poison(used);
        for (int[] s : SHAPES) {
            for (ProductKernelsTest.Form form : ProductKernelsTest.Form.values()) {
                for (boolean overwrite : new boolean[] {false, true}) {
                    assertArrayEquals(product(ProductKernelsTest.kernel(kernelName), form, s, overwrite, 1),
                            product(used, form, s, overwrite, 1),
                            () -> kernelName + " " + form + " " + Arrays.toString(s) + " overwrite=" + overwrite);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void threadsSharingAKernelEachGetTheBitsOfAFreshKernel(String kernelName) throws Exception {
        ProductKernel shared = ProductKernelsTest.kernel(kernelName);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                tasks.add(() -> {
                    poison(shared);
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < SHAPES.length; i++) {
                            int[] s = SHAPES[(i + offset) % SHAPES.length];
                            for (ProductKernelsTest.Form form : ProductKernelsTest.Form.values()) {
                                int threads = 1 + (i + round) % 3;
                                assertArrayEquals(product(ProductKernelsTest.kernel(kernelName), form, s, true, 1),
                                        product(shared, form, s, true, threads),
                                        () -> kernelName + " " + form + " " + Arrays.toString(s) + " threads="
                                                + threads);
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the largest products on this thread with operands full of NaN, so every buffer it keeps holds NaN. */
    private static void poison(ProductKernel kernel) {
        double[] nan = new double[1024 * 1024];
        Arrays.fill(nan, Double.NaN);
        for (ProductKernelsTest.Form form : ProductKernelsTest.Form.values()) {
            FastEngine.run(kernel, product(form, nan, nan, new double[1024 * 1024], 300, 1000, 300, true), 1);
        }
    }

    /** C of one product of random operands seeded by its shape (so every kernel gets the same operands). */
    private static double[] product(ProductKernel kernel, ProductKernelsTest.Form form, int[] s, boolean overwrite,
            int threads) {
        int n = s[0];
        int k = s[1];
        int m = s[2];
        SplittableRandom random = new SplittableRandom(31L * n + 7L * k + m);
        double[] a = ProductKernelsTest.randomArray(random, n * k);
        double[] b = ProductKernelsTest.randomArray(random, k * m);
        double[] c = ProductKernelsTest.randomArray(random, n * m);
        FastEngine.run(kernel, product(form, a, b, c, n, k, m, overwrite), threads);
        return c;
    }

    private static Product product(ProductKernelsTest.Form form, double[] a, double[] b, double[] c, int n, int k,
            int m, boolean overwrite) {
        return switch (form) {
            case TIMES -> new Product(a, k, 1, b, m, 1, c, n, k, m, overwrite);
            case TRANSPOSE_TIMES -> new Product(a, 1, n, b, m, 1, c, n, k, m, overwrite);
            case TIMES_TRANSPOSE -> new Product(a, k, 1, b, 1, k, c, n, k, m, overwrite);
        };
    }
}
