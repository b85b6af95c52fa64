package org.nn4j.api;

import java.util.concurrent.ForkJoinPool;

/**
 * The matrix products behind {@link Matrix#times}, {@link Matrix#transposeTimes} and {@link Matrix#timesTranspose},
 * on row-major arrays: this class picks how each product is computed.
 *
 * <p><b>Three ways to multiply.</b>
 * <pre>
 *   n·k·m &lt; SMALL_WORK         simple loops below (the XOR network's products): no set-up, no allocation,
 *                               every c[i][j] summed as Σ_p a[i][p]·b[p][j] in increasing p (one dot product
 *                               in a register, then added to c), like numpy's reference loop
 *   otherwise                   a blocked, register-tiled {@link ProductKernel}: the Vector API kernel when the
 *                               jdk.incubator.vector module is present, the portable scalar kernel otherwise
 *   n·k·m ≥ PARALLEL_WORK       the output is cut into chunks of columns (or rows) that the calling thread and
 *                               up to {@link #threads()} − 1 helpers from {@link ForkJoinPool#commonPool()}
 *                               claim one at a time ({@link ProductSplit})
 * </pre>
 * The transposed forms are not special cases: a kernel reads its operands through strides,
 * {@code A(i, p) = a[i·aRowStride + p·aColStride]}, so {@code Aᵀ} is {@code A} with its strides swapped.
 *
 * <p><b>Choosing, once.</b> The kernel and the thread count are fixed when this class is first used, from two
 * system properties (read once; set them on the command line):
 * <pre>
 *   -Dnn4j.kernel=auto|vector|scalar    auto (default): vector if the JVM was started with
 *                                       --add-modules jdk.incubator.vector, scalar otherwise
 *   -Dnn4j.threads=N                    threads per large product (default: the available processors)
 * </pre>
 * The choice is logged once at DEBUG through {@link System.Logger} (nn-api depends on nothing, so not SLF4J) under
 * the name {@code org.nn4j.api.Products}, and {@link Matrix#productKernel()} returns the same description.
 *
 * <p><b>State.</b> The only static state is the immutable choice above. Parallel work runs on the JDK's shared
 * common pool; this class creates no threads and keeps no buffers between calls.
 */
final class Products {

    /** Below this many multiply-adds the simple loops win: no packing, no allocation. */
    static final long SMALL_WORK = 4_096;
    /** From this many multiply-adds on, a product is split across threads (forking costs some microseconds). */
    static final long PARALLEL_WORK = 400_000;

    private static final ProductKernel KERNEL = KernelChoice.kernel(System.getProperty("nn4j.kernel", "auto"));
    private static final int THREADS = KernelChoice.threads(System.getProperty("nn4j.threads"));

    static {
        System.getLogger(Products.class.getName()).log(System.Logger.Level.DEBUG, "nn4j matrix products: {0}",
                description());
    }

    private Products() {
    }

    /** @return the kernel in use and the thread count, for logs and {@link Matrix#productKernel()} */
    static String description() {
        return KERNEL.name() + ", up to " + THREADS + " thread" + (THREADS == 1 ? "" : "s") + " per product";
    }

    /** @return the blocked kernel chosen for this JVM */
    static ProductKernel kernel() {
        return KERNEL;
    }

    /** @return how many threads share one large product */
    static int threads() {
        return THREADS;
    }

    /** {@code c = a · b} for {@code a: n×k}, {@code b: k×m}, {@code c: n×m} (added into {@code c}). */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            simpleMultiply(a, b, c, n, k, m);
        } else {
            run(KERNEL, new Product(a, k, 1, b, m, 1, c, n, k, m), THREADS);
        }
    }

    /** {@code c = aᵀ · b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m} (added into {@code c}). */
    static void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            simpleTransposeMultiply(a, b, c, k, n, m);
        } else {
            run(KERNEL, new Product(a, 1, n, b, m, 1, c, n, k, m), THREADS);
        }
    }

    /** {@code c = a · bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m} (added into {@code c}). */
    static void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            simpleMultiplyTranspose(a, b, c, n, k, m);
        } else {
            run(KERNEL, new Product(a, k, 1, b, 1, k, c, n, k, m), THREADS);
        }
    }

    /**
     * Computes {@code c += A·B} with a kernel, shared by {@code threads} threads when it is large enough (see
     * {@link ProductSplit}).
     */
    static void run(ProductKernel kernel, Product p, int threads) {
        if (threads == 1 || (long) p.n() * p.k() * p.m() < PARALLEL_WORK) {
            kernel.multiply(p, 0, p.n(), 0, p.m());
        } else {
            ProductSplit.run(kernel, p, threads);
        }
    }

    // ------------------------------------------------------------------ the simple loops, for small products
    //
    // One dot product per output element, summed in a register in increasing p and then added to c. For a c that
    // is zero this is exactly the textbook (and numpy reference) order; for tiny shapes (the XOR network's 4×2·2×4)
    // it also beats any loop whose innermost trip count is 1 or 4.

    static void simpleMultiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[p * m + j];
                }
                c[i * m + j] += s;
            }
        }
    }

    static void simpleTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[p * n + i] * b[p * m + j];
                }
                c[i * m + j] += s;
            }
        }
    }

    static void simpleMultiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[i * m + j] += s;
            }
        }
    }
}
