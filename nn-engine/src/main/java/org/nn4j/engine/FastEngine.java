package org.nn4j.engine;

import java.util.concurrent.ForkJoinPool;

/**
 * The matrix products behind {@link Matrix#times}, {@link Matrix#transposeTimes} and {@link Matrix#timesTranspose},
 * on row-major arrays: this class picks how each product is computed.
 *
 * <p><b>Three ways to multiply.</b>
 * <pre>
 *   n·k·m &lt; SMALL_WORK         {@link SmallProducts} (the XOR network's products): no set-up, no allocation,
 *                               every c[i][j] summed as Σ_p a[i][p]·b[p][j] in increasing p (one dot product
 *                               in a register, then added to c), like numpy's reference loop
 *   otherwise                   a blocked, register-tiled {@link ProductKernel}: the Vector API kernel when the
 *                               jdk.incubator.vector module is present, the portable scalar kernel otherwise
 *   n·k·m ≥ PARALLEL_WORK       the output is cut into chunks of columns (or rows) that the calling thread and
 *                               up to {@link #threads()} − 1 helpers from {@link ForkJoinPool#commonPool()}
 *                               claim one at a time ({@link ProductSplit})
 * </pre>
 * The transposed forms are not special cases: a kernel reads its operands through strides,
 * {@code A(i, p) = a[i·aRowStride + p·aColStride]}, so {@code Aᵀ} is {@code A} with its strides swapped. The
 * {@code set…} methods overwrite {@code c} (a new or reused result), which lets the kernels skip zeroing it and
 * reading it back ({@link Product#overwrite()}); the others add into {@code c} (a gradient accumulating, a bias
 * row already in place).
 *
 * <p><b>Choosing, once.</b> The kernel and the thread count are fixed when this class is first used, from two
 * system properties (read once; set them on the command line):
 * <pre>
 *   -Dnn4j.kernel=auto|vector|scalar    auto (default): vector if the JVM was started with
 *                                       --add-modules jdk.incubator.vector, scalar otherwise
 *   -Dnn4j.threads=N                    threads per large product (default: the available processors)
 * </pre>
 * The choice is logged once, when the first product reaches a kernel, at DEBUG through {@link System.Logger}
 * (nn-api depends on nothing, so not SLF4J) under the name {@code org.nn4j.api.Products}, and
 * {@link Matrix#productKernel()} returns the same description.
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

    /**
     * Logs the choice once, when the first product reaches a kernel: a program whose products are all small (the
     * XOR example) never starts the JDK's logging, which would cost it about 20 ms of start-up.
     */
    private static final class Report {
        static {
            System.getLogger(Products.class.getName()).log(System.Logger.Level.DEBUG, "nn4j matrix products: {0}",
                    description());
        }

        private Report() {
        }

        /** Does nothing; calling it runs the static initializer above, once. */
        static void once() {
        }
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
            SmallProducts.multiply(a, b, c, n, k, m);
        } else {
            run(KERNEL, new Product(a, k, 1, b, m, 1, c, n, k, m), THREADS);
        }
    }

    /** {@code c = a · b} for {@code a: n×k}, {@code b: k×m}, {@code c: n×m} (overwritten, never read). */
    static void setMultiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            SmallProducts.setMultiply(a, b, c, n, k, m);
        } else {
            run(KERNEL, new Product(a, k, 1, b, m, 1, c, n, k, m, true), THREADS);
        }
    }

    /**
     * {@code c = row + a · b} for {@code a: n×k}, {@code b: k×m}, {@code row: 1×m} added to every row, {@code c: n×m}
     * (overwritten): a dense layer's {@code x·W + b}. Small products write each element once; large ones copy the
     * row into {@code c} and add the product onto it.
     */
    static void multiplyPlusRow(double[] a, double[] b, double[] row, double[] c, int n, int k, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            SmallProducts.multiplyPlusRow(a, b, row, c, n, k, m);
        } else {
            for (int i = 0; i < n; i++) {
                System.arraycopy(row, 0, c, i * m, m);
            }
            multiply(a, b, c, n, k, m);
        }
    }

    /** {@code c = aᵀ · b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m} (added into {@code c}). */
    static void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            SmallProducts.transposeMultiply(a, b, c, k, n, m);
        } else {
            run(KERNEL, new Product(a, 1, n, b, m, 1, c, n, k, m), THREADS);
        }
    }

    /** {@code c = aᵀ · b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m} (overwritten, never read). */
    static void setTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            SmallProducts.setTransposeMultiply(a, b, c, k, n, m);
        } else {
            run(KERNEL, new Product(a, 1, n, b, m, 1, c, n, k, m, true), THREADS);
        }
    }

    /** {@code c = a · bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m} (overwritten, never read). */
    static void setMultiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        if ((long) n * k * m < SMALL_WORK) {
            SmallProducts.setMultiplyTranspose(a, b, c, n, k, m);
        } else {
            run(KERNEL, new Product(a, k, 1, b, 1, k, c, n, k, m, true), THREADS);
        }
    }

    /**
     * Computes {@code c += A·B} with a kernel, shared by {@code threads} threads when it is large enough (see
     * {@link ProductSplit}).
     */
    static void run(ProductKernel kernel, Product p, int threads) {
        Report.once();
        if (threads == 1 || (long) p.n() * p.k() * p.m() < PARALLEL_WORK) {
            kernel.multiply(p, 0, p.n(), 0, p.m());
        } else {
            ProductSplit.run(kernel, p, threads);
        }
    }
}
