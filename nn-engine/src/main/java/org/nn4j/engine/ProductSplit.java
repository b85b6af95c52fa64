package org.nn4j.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One large product shared by several threads: its output is cut into chunks of whole columns (or rows), and every
 * thread, the calling one included, claims the next chunk until none is left.
 * <pre>
 *   C = │ chunk 0 │ chunk 1 │ chunk 2 │ chunk 3 │       chunks of 16·j columns, about two per thread
 *
 *   caller:   submit helpers to the common pool, then   while (c = next++) &lt; chunks:  compute chunk c
 *   helper:                                              the same loop
 *   caller:   wait until every claimed chunk is done (not for helpers that never started)
 * </pre>
 * Why claim instead of handing each thread a fixed band: on a machine whose cores are busy (two cores, other
 * programs building), a helper may start late or not at all before the caller is done. With fixed bands the caller
 * then sits idle until the helper's band is finished; here the caller takes the chunks nobody has claimed, and
 * waits only for a chunk a helper is already computing. At worst the product costs what it costs on one thread,
 * plus a submitted task that finds no work.
 *
 * <p>Columns are the preferred cut: each chunk then packs only its own columns of {@code B} and reads the shared
 * {@code A}, which both kernels read in place when it is row-major. A transposed {@code A} that the vector kernel
 * packs would be packed once per chunk, so a product with more rows than columns is cut into rows then (each chunk
 * packs all of {@code B}, the smaller operand in the MLP's {@code Xᵀ·δ}).
 */
final class ProductSplit {

    /** Chunks are whole multiples of this many columns or rows, so every thread works on full register tiles. */
    static final int GRAIN = 16;
    /** Chunks per thread: more than one, so that a thread that starts late or runs slowly leaves work to others. */
    static final int CHUNKS_PER_THREAD = 2;
    /**
     * Yields before parking, while a helper finishes a chunk. Yielding rather than spinning matters when the helper
     * was woken on the caller's own core (the other one being busy): a spinning caller would keep it from running.
     */
    private static final int YIELDS = 10_000;

    private final ProductKernel kernel;
    private final Product product;
    private final boolean byRows;
    private final int length;
    private final int step;
    private final int chunks;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread caller = Thread.currentThread();

    private ProductSplit(ProductKernel kernel, Product product, boolean byRows, int length, int step) {
        this.kernel = kernel;
        this.product = product;
        this.byRows = byRows;
        this.length = length;
        this.step = step;
        this.chunks = (length + step - 1) / step;
    }

    /**
     * Computes {@code c += A·B} on up to {@code threads} threads (the caller and helpers from
     * {@link ForkJoinPool#commonPool()}), or on the caller alone if the product is too narrow to cut.
     *
     * @param kernel the kernel
     * @param p the product
     * @param threads the most threads to use, at least 2
     */
    static void run(ProductKernel kernel, Product p, int threads) {
        boolean byRows = p.m() < 2 * GRAIN || (p.aColStride() != 1 && p.n() > p.m());
        int length = byRows ? p.n() : p.m();
        int wanted = Math.min(CHUNKS_PER_THREAD * threads, length / GRAIN);
        if (wanted <= 1) {
            kernel.multiply(p, 0, p.n(), 0, p.m());
            return;
        }
        int step = ((length + wanted - 1) / wanted + GRAIN - 1) / GRAIN * GRAIN;
        ProductSplit split = new ProductSplit(kernel, p, byRows, length, step);
        int helpers = Math.min(threads, split.chunks) - 1;
        for (int h = 0; h < helpers; h++) {
            ForkJoinPool.commonPool().execute(split::work);
        }
        split.work();
        split.awaitChunks();
    }

    /** Claims and computes chunks until none is left; a failure is kept for the caller to rethrow. */
    private void work() {
        for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
            int from = chunk * step;
            int to = Math.min(length, from + step);
            try {
                if (byRows) {
                    kernel.multiply(product, from, to, 0, product.m());
                } else {
                    kernel.multiply(product, 0, product.n(), from, to);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            if (done.incrementAndGet() == chunks && Thread.currentThread() != caller) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Called by the caller once it finds no chunk left: waits for the chunks helpers are still computing. */
    private void awaitChunks() {
        for (int round = 0; done.get() < chunks; round++) {
            if (round < YIELDS) {
                Thread.yield();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
    }
}
