package org.nn4j.api;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product kernel on the incubator Vector API ({@code jdk.incubator.vector}): explicit SIMD multiply-adds on
 * the widest vectors the CPU has ({@code L} doubles: 8 with AVX-512, 4 with AVX2).
 *
 * <p><b>Blocking</b> (the Goto/BLIS scheme). {@code C} is cut into blocks of {@value #NC} columns; the inner
 * dimension into slices of {@value #KC}; the rows into blocks of {@value #MC}. For each column block and slice,
 * the {@code KC×NC} block of {@code B} is packed into strips {@code NR = 2·L} columns wide (row {@code p} of a strip
 * is {@code NR} consecutive doubles; short strips are padded with zeros); for each row block, the {@code MC×KC}
 * block of {@code A} is packed into strips of {@value #MR} rows (column {@code p} of a strip is {@code MR}
 * consecutive doubles). Packing reads through the operands' strides, so {@code Aᵀ} and {@code Bᵀ} are packed
 * without ever building a transpose. Then every {@code MR×NR} tile of {@code C} is one register-tiled loop:
 * <pre>
 *   c[r][0..1] = 0                                   16 vector accumulators (8 rows × 2 vectors)
 *   for p &lt; KC:
 *       b0, b1 = B strip row p                       two vector loads
 *       for r &lt; 8:  a = broadcast(A strip[p][r])
 *                   c[r][0] = fma(a, b0, c[r][0]);  c[r][1] = fma(a, b1, c[r][1])
 *   C tile += c                                      (through a small buffer, then vector adds)
 * </pre>
 * Sixteen accumulators, two B vectors and one broadcast fit AVX-512's 32 registers, and each loaded vector feeds
 * eight multiply-adds. A B strip slice ({@code KC·NR} doubles, 32 KB) stays in L1, an A block (128 KB) in L2.
 *
 * <p>Each call allocates its packing buffers and keeps nothing. Only {@link KernelChoice} names this class, and
 * only when the incubator module is present.
 */
final class VectorKernel implements ProductKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of a register tile. */
    static final int MR = 8;
    /** Columns of a register tile: two vectors. */
    static final int NR = 2 * L;
    /** Inner-dimension slice. */
    static final int KC = 256;
    /** Rows of A packed at once. */
    static final int MC = 64;
    /** Columns of B packed at once. */
    static final int NC = 256;

    /** Created reflectively by {@link KernelChoice}. */
    VectorKernel() {
    }

    @Override
    public String name() {
        return "vector (" + MR + "×" + NR + " tiles of " + S.vectorBitSize() + "-bit DoubleVector)";
    }

    @Override
    public void multiply(Product pr, int rowFrom, int rowTo, int colFrom, int colTo) {
        int k = pr.k();
        int kcMax = Math.min(KC, k);
        double[] bPack = new double[kcMax * roundUp(Math.min(NC, colTo - colFrom), NR)];
        double[] aPack = new double[roundUp(Math.min(MC, rowTo - rowFrom), MR) * kcMax];
        double[] spill = new double[MR * NR];
        for (int jc = colFrom; jc < colTo; jc += NC) {
            int nc = Math.min(NC, colTo - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(pr, pc, kc, jc, nc, bPack);
                for (int ic = rowFrom; ic < rowTo; ic += MC) {
                    int mc = Math.min(MC, rowTo - ic);
                    packA(pr, ic, mc, pc, kc, aPack);
                    for (int t = 0; t * MR < mc; t++) {
                        for (int s = 0; s * NR < nc; s++) {
                            tile(aPack, t * kc * MR, bPack, s * kc * NR, kc, pr.c(), pr.m(), ic + t * MR,
                                    jc + s * NR, Math.min(MR, mc - t * MR), Math.min(NR, nc - s * NR), spill);
                        }
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Strip s, row p, column j: bPack[(s·kc + p)·NR + j] = B(pc + p, jc + s·NR + j), zero past column nc. */
    private static void packB(Product pr, int pc, int kc, int jc, int nc, double[] bPack) {
        double[] b = pr.b();
        int rs = pr.bRowStride();
        int cs = pr.bColStride();
        for (int s = 0; s * NR < nc; s++) {
            int width = Math.min(NR, nc - s * NR);
            for (int p = 0; p < kc; p++) {
                int to = (s * kc + p) * NR;
                int from = (pc + p) * rs + (jc + s * NR) * cs;
                for (int j = 0; j < width; j++) {
                    bPack[to + j] = b[from + j * cs];
                }
                for (int j = width; j < NR; j++) {
                    bPack[to + j] = 0.0;
                }
            }
        }
    }

    /** Strip t, column p, row r: aPack[(t·kc + p)·MR + r] = A(ic + t·MR + r, pc + p), zero past row mc. */
    private static void packA(Product pr, int ic, int mc, int pc, int kc, double[] aPack) {
        double[] a = pr.a();
        int rs = pr.aRowStride();
        int cs = pr.aColStride();
        for (int t = 0; t * MR < mc; t++) {
            int height = Math.min(MR, mc - t * MR);
            int strip = t * kc * MR;
            if (rs == 1) {
                // Aᵀ of a row-major array: the MR rows of one column are adjacent, read them in order.
                for (int p = 0; p < kc; p++) {
                    int from = ic + t * MR + (pc + p) * cs;
                    int to = strip + p * MR;
                    for (int r = 0; r < height; r++) {
                        aPack[to + r] = a[from + r];
                    }
                    for (int r = height; r < MR; r++) {
                        aPack[to + r] = 0.0;
                    }
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    int to = strip + r;
                    if (r < height) {
                        int from = (ic + t * MR + r) * rs + pc * cs;
                        for (int p = 0; p < kc; p++) {
                            aPack[to + p * MR] = a[from + p * cs];
                        }
                    } else {
                        for (int p = 0; p < kc; p++) {
                            aPack[to + p * MR] = 0.0;
                        }
                    }
                }
            }
        }
    }

    /** C[row0 .. row0+rows, col0 .. col0+cols] += (A strip) · (B strip) over kc. */
    private static void tile(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int m, int row0, int col0,
            int rows, int cols, double[] spill) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        DoubleVector c60 = c00;
        DoubleVector c61 = c00;
        DoubleVector c70 = c00;
        DoubleVector c71 = c00;
        for (int p = 0; p < kc; p++, ao += MR, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ao]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ao + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ao + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ao + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[ao + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, ap[ao + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(S, ap[ao + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(S, ap[ao + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        // Every tile leaves the registers the same way, so the loop above never sits next to an untaken branch
        // that still needs the sixteen vectors (C2 then keeps them in registers instead of boxing them).
        c00.intoArray(spill, 0);
        c01.intoArray(spill, L);
        c10.intoArray(spill, NR);
        c11.intoArray(spill, NR + L);
        c20.intoArray(spill, 2 * NR);
        c21.intoArray(spill, 2 * NR + L);
        c30.intoArray(spill, 3 * NR);
        c31.intoArray(spill, 3 * NR + L);
        c40.intoArray(spill, 4 * NR);
        c41.intoArray(spill, 4 * NR + L);
        c50.intoArray(spill, 5 * NR);
        c51.intoArray(spill, 5 * NR + L);
        c60.intoArray(spill, 6 * NR);
        c61.intoArray(spill, 6 * NR + L);
        c70.intoArray(spill, 7 * NR);
        c71.intoArray(spill, 7 * NR + L);
        addTile(spill, c, m, row0, col0, rows, cols);
    }

    /** C[row0 .. row0+rows, col0 .. col0+cols] += spill (an MR×NR tile, row-major). */
    private static void addTile(double[] spill, double[] c, int m, int row0, int col0, int rows, int cols) {
        if (cols == NR) {
            for (int r = 0; r < rows; r++) {
                int at = (row0 + r) * m + col0;
                DoubleVector.fromArray(S, spill, r * NR).add(DoubleVector.fromArray(S, c, at)).intoArray(c, at);
                DoubleVector.fromArray(S, spill, r * NR + L).add(DoubleVector.fromArray(S, c, at + L))
                        .intoArray(c, at + L);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int at = (row0 + r) * m + col0;
            for (int j = 0; j < cols; j++) {
                c[at + j] += spill[r * NR + j];
            }
        }
    }
}
