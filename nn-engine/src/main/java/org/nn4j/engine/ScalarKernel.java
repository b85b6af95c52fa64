package org.nn4j.engine;

import java.util.Arrays;

/**
 * The portable product kernel: plain Java that the JIT turns into SIMD code on any JVM.
 *
 * <p><b>Blocking.</b> {@code C} is computed in blocks of {@value #NC} columns; the inner dimension is walked in
 * slices of {@value #KC}. For each slice, the {@code KC×NC} block of {@code B} is copied (from any layout, so
 * {@code Bᵀ} costs nothing extra) into one Java array per row: a panel that stays in the L2 cache while every row
 * of {@code A} streams past it. Rows of {@code C} are then computed {@value #ROWS} at a time, each into its own
 * accumulator row:
 * <pre>
 *   for p in slice:                         a0..a3 = A(i..i+3, p)      (four scalars)
 *       row = panel[p]                      one row of B's block
 *       for j &lt; NC:  acc0[j] += a0·row[j];  acc1[j] += a1·row[j];  acc2[j] += …;  acc3[j] += …
 * </pre>
 * The inner loop indexes every array with the same {@code j} from 0, which is the form C2's superword pass
 * vectorises (a flat array indexed {@code c[ci + j] += a·b[bp + j]} with two different offsets is not); each load
 * of {@code row[j]} feeds four multiply-adds. The accumulators are added into {@code C} after each slice, or
 * copied there after the first slice of a product that overwrites {@code C} ({@link Product#overwrite()}).
 *
 * <p>Each call allocates its panel and accumulators (about {@code (KC + 4)·NC} doubles) and keeps nothing.
 */
final class ScalarKernel implements ProductKernel {

    /** Columns of C per block, and the length of each panel row. */
    static final int NC = 256;
    /** Inner-dimension slice: KC×NC doubles of B, 256 KB, fit in L2. */
    static final int KC = 128;
    /** Rows of C computed together from one panel row. */
    static final int ROWS = 4;
    /** Outputs narrower than this (and taller than wide) are computed transposed. */
    static final int NARROW = 32;

    @Override
    public String name() {
        return "scalar (" + ROWS + "-row panels of " + KC + "×" + NC + ", vectorised by the JIT)";
    }

    @Override
    public void multiply(Product pr, int rowFrom, int rowTo, int colFrom, int colTo) {
        int cols = colTo - colFrom;
        if (cols < NARROW && rowTo - rowFrom > cols) {
            multiplyFlipped(pr, rowFrom, rowTo, colFrom, colTo);
        } else {
            blocked(pr, rowFrom, rowTo, colFrom, colTo);
        }
    }

    /**
     * A narrow C (the MLP's 64×10 output layer) is computed as {@code Cᵀ = Bᵀ·Aᵀ}, into a scratch array, so the
     * long side runs along the vectorised inner loop. Keeping that loop long also keeps the JIT's trip-count
     * profile of it long, which decides whether it is vectorised at all.
     */
    private void multiplyFlipped(Product pr, int rowFrom, int rowTo, int colFrom, int colTo) {
        int n = pr.n();
        int m = pr.m();
        double[] t = new double[m * n];
        Product flipped = new Product(pr.b(), pr.bColStride(), pr.bRowStride(), pr.a(), pr.aColStride(),
                pr.aRowStride(), t, m, pr.k(), n, true);
        blocked(flipped, colFrom, colTo, rowFrom, rowTo);
        double[] c = pr.c();
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = colFrom; j < colTo; j++) {
                c[i * m + j] = pr.overwrite() ? t[j * n + i] : c[i * m + j] + t[j * n + i];
            }
        }
    }

    private void blocked(Product pr, int rowFrom, int rowTo, int colFrom, int colTo) {
        int k = pr.k();
        int widest = Math.min(NC, colTo - colFrom);
        double[][] panel = new double[Math.min(KC, k)][widest];
        double[][] acc = new double[ROWS][widest];
        for (int jc = colFrom; jc < colTo; jc += NC) {
            int nc = Math.min(NC, colTo - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean write = pr.overwrite() && pc == 0;
                pack(pr, pc, kc, jc, nc, panel);
                int i = rowFrom;
                for (; i + ROWS <= rowTo; i += ROWS) {
                    fourRows(pr, i, pc, kc, panel, nc, acc);
                    for (int r = 0; r < ROWS; r++) {
                        storeRow(acc[r], pr.c(), (i + r) * pr.m() + jc, nc, write);
                    }
                }
                for (; i < rowTo; i++) {
                    oneRow(pr, i, pc, kc, panel, nc, acc[0]);
                    storeRow(acc[0], pr.c(), i * pr.m() + jc, nc, write);
                }
            }
        }
    }

    /** panel[p][j] = B(pc + p, jc + j). */
    private static void pack(Product pr, int pc, int kc, int jc, int nc, double[][] panel) {
        double[] b = pr.b();
        int rs = pr.bRowStride();
        int cs = pr.bColStride();
        for (int p = 0; p < kc; p++) {
            double[] row = panel[p];
            int base = (pc + p) * rs + jc * cs;
            if (cs == 1) {
                System.arraycopy(b, base, row, 0, nc);
            } else {
                for (int j = 0; j < nc; j++) {
                    row[j] = b[base + j * cs];
                }
            }
        }
    }

    private static void fourRows(Product pr, int i, int pc, int kc, double[][] panel, int nc, double[][] acc) {
        double[] a = pr.a();
        int rs = pr.aRowStride();
        int cs = pr.aColStride();
        double[] acc0 = acc[0];
        double[] acc1 = acc[1];
        double[] acc2 = acc[2];
        double[] acc3 = acc[3];
        Arrays.fill(acc0, 0, nc, 0.0);
        Arrays.fill(acc1, 0, nc, 0.0);
        Arrays.fill(acc2, 0, nc, 0.0);
        Arrays.fill(acc3, 0, nc, 0.0);
        for (int p = 0; p < kc; p++) {
            int at = i * rs + (pc + p) * cs;
            double a0 = a[at];
            double a1 = a[at + rs];
            double a2 = a[at + 2 * rs];
            double a3 = a[at + 3 * rs];
            double[] row = panel[p];
            for (int j = 0; j < nc; j++) {
                double bj = row[j];
                acc0[j] += a0 * bj;
                acc1[j] += a1 * bj;
                acc2[j] += a2 * bj;
                acc3[j] += a3 * bj;
            }
        }
    }

    private static void oneRow(Product pr, int i, int pc, int kc, double[][] panel, int nc, double[] acc0) {
        double[] a = pr.a();
        int at = i * pr.aRowStride() + pc * pr.aColStride();
        Arrays.fill(acc0, 0, nc, 0.0);
        for (int p = 0; p < kc; p++, at += pr.aColStride()) {
            double a0 = a[at];
            double[] row = panel[p];
            for (int j = 0; j < nc; j++) {
                acc0[j] += a0 * row[j];
            }
        }
    }

    /** Writes a row of sums into C (the first slice of an overwriting product) or adds it there. */
    private static void storeRow(double[] acc, double[] c, int at, int nc, boolean write) {
        if (write) {
            System.arraycopy(acc, 0, c, at, nc);
            return;
        }
        for (int j = 0; j < nc; j++) {
            c[at + j] += acc[j];
        }
    }
}
