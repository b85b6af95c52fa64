package org.nn4j.engine;

import java.util.concurrent.ForkJoinPool;

/**
 * The engine of the fast kernels: it decides how each product is computed, and runs the exponential kernel that
 * goes with the product kernel.
 * <pre>
 *   n·k·m &lt; SMALL_WORK         {@link SmallProducts} (the XOR network's products): no set-up, no allocation,
 *                               every c[i][j] summed as Σ_p a[i][p]·b[p][j] in increasing p, in a register,
 *                               the reference's order, so the same bits as {@link Engine#reference()}
 *   otherwise                   a blocked, register-tiled {@link ProductKernel}: {@code VectorKernel} or
 *                               {@link ScalarKernel}
 *   n·k·m ≥ PARALLEL_WORK       the output is cut into chunks of columns (or rows) that the calling thread and
 *                               up to threads − 1 helpers from {@link ForkJoinPool#commonPool()} claim one at
 *                               a time ({@link ProductSplit})
 * </pre>
 * The transposed forms are not special cases: a kernel reads its operands through strides,
 * {@code A(i, p) = a[i·aRowStride + p·aColStride]}, so {@code Aᵀ} is {@code A} with its strides swapped
 * ({@link Product}).
 *
 * <p>Immutable, and stateless as far as results go: it creates no threads, and the only thing kept between calls
 * is the vector kernel's packing buffers, one set per calling thread, which no result depends on.
 */
final class FastEngine implements Engine {

    /** Below this many multiply-adds the simple loops win: no packing, no allocation (XorBenchmark). */
    static final long SMALL_WORK = 4_096;
    /** From this many multiply-adds on, threads share a product: forking costs microseconds (ProductBenchmark). */
    static final long PARALLEL_WORK = 400_000;

    private final ProductKernel kernel;
    private final ExpKernel expKernel;
    private final int threads;

    /**
     * @param kernel the blocked product kernel
     * @param expKernel the exponential kernel
     * @param threads the most threads one large product may use, at least 1
     */
    FastEngine(ProductKernel kernel, ExpKernel expKernel, int threads) {
        this.kernel = kernel;
        this.expKernel = expKernel;
        this.threads = threads;
    }

    /**
     * Logs the chosen engine once, when the first product reaches a blocked kernel: a program of small products
     * (the XOR example) then never starts the JDK's logging, which would cost its process about 20 ms.
     */
    private static final class Report {
        static {
            System.getLogger(Engine.class.getName()).log(System.Logger.Level.DEBUG, "nn4j engine: {0}",
                    Engine.chosen().description());
        }

        private Report() {
        }

        /** Does nothing; calling it runs the static initializer above, once. */
        static void once() {
        }
    }

    @Override
    public void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        Sizes.product("multiply", a, n, k, b, k, m, c, n, m);
        if (small(n, k, m)) {
            SmallProducts.setMultiply(a, b, c, n, k, m);
        } else {
            run(kernel, new Product(a, k, 1, b, m, 1, c, n, k, m, true), threads);
        }
    }

    @Override
    public void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        Sizes.product("transposeMultiply", a, k, n, b, k, m, c, n, m);
        if (small(n, k, m)) {
            SmallProducts.setTransposeMultiply(a, b, c, k, n, m);
        } else {
            run(kernel, new Product(a, 1, n, b, m, 1, c, n, k, m, true), threads);
        }
    }

    @Override
    public void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        Sizes.product("multiplyTranspose", a, n, k, b, m, k, c, n, m);
        if (small(n, k, m)) {
            SmallProducts.setMultiplyTranspose(a, b, c, n, k, m);
        } else {
            run(kernel, new Product(a, k, 1, b, 1, k, c, n, k, m, true), threads);
        }
    }

    @Override
    public void addTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        Sizes.product("addTransposeMultiply", a, k, n, b, k, m, c, n, m);
        if (small(n, k, m)) {
            SmallProducts.addTransposeMultiply(a, b, c, k, n, m);
        } else {
            run(kernel, new Product(a, 1, n, b, m, 1, c, n, k, m, false), threads);
        }
    }

    @Override
    public void exp(double[] x, double[] out, int length) {
        Sizes.elements("exp", x, out, length);
        expKernel.exp(x, out, length);
    }

    @Override
    public String description() {
        return kernel.name() + ", up to " + threads + " thread" + (threads == 1 ? "" : "s") + " per product";
    }

    private static boolean small(int n, int k, int m) {
        return (long) n * k * m < SMALL_WORK;
    }

    /**
     * Computes the product with a kernel, shared by up to {@code threads} threads when it is large enough.
     *
     * @param kernel the kernel
     * @param p the product
     * @param threads the most threads to use, at least 1
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
