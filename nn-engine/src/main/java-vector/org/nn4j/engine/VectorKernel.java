package org.nn4j.engine;

import static org.nn4j.engine.VectorTiles.MR;
import static org.nn4j.engine.VectorTiles.NR;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product kernel on the incubator Vector API ({@code jdk.incubator.vector}): explicit SIMD multiply-adds on
 * the widest vectors the CPU has ({@code L} doubles: 8 with AVX-512, 4 with AVX2), in {@code MR×NR} register tiles
 * of 8 rows by two vectors ({@link VectorTiles}).
 *
 * <p><b>Blocking</b> (after the Goto/BLIS scheme). {@code C} is cut into blocks of {@value #NC} columns and the
 * inner dimension into equal slices of at most {@value #KC}. For each column block and slice, the {@code KC×NC}
 * block of {@code B} is packed into strips {@code NR} columns wide (row {@code p} of a strip is {@code NR} consecutive
 * doubles, short strips padded with zeros). Then {@code A} is walked in strips of {@code MR} rows, and each strip
 * meets every B strip of the block in one tile:
 * <pre>
 *   for each column block jc, slice pc:   pack B(pc.., jc..) into strips          (KC·NR doubles each, in L1)
 *       for each strip of 8 rows of A:    read it in place, or pack it (8·KC doubles)
 *           for each B strip:             C tile += A strip · B strip              (one register tile)
 * </pre>
 * Packing reads through the operands' strides, so {@code Aᵀ} and {@code Bᵀ} are packed without building a
 * transpose.
 *
 * <p><b>A in place.</b> A row-major {@code A} is not copied: a tile reads its eight rows where they lie, eight
 * sequential streams that the hardware prefetches ({@code A(i, p) = a[i·rowStride + p]}). That saves a pass over
 * {@code A} and its buffer, which on the MLP's narrow products (10 output columns: each element of A used once)
 * cost about as much as the multiply-adds. A strip is packed (column {@code p} of the strip = 8 consecutive
 * doubles) when {@code A} is stored transposed, where one step of an in-place tile would jump a whole stored row;
 * when it is the last strip and has fewer than 8 rows (padded with zero rows, so no tile reads past A); and when
 * the inner dimension is shorter than {@value #IN_PLACE_STEPS} (the MLP's {@code δ2·W2ᵀ}, 10 steps), where a strip
 * is only {@code 8·kc} doubles and packing it costs little (ProductBenchmark, {@code mlp-grad-a1}).
 * <pre>
 *   A row-major, 8 rows:      A (in place) ─────────────────┐
 *                                                           ├─▶ tile(A strip, B strip) ──▶ C tile
 *   Aᵀ stored, short strip,   A strip ──pack──▶ 8×KC buffer ┘
 *   or short slice:
 * </pre>
 *
 * <p><b>Into C.</b> A whole tile is stored straight into C, or added to what C holds (read after the tile's loop)
 * when the product accumulates or past its first slice. An edge tile's sums land in a small {@code MR×NR} buffer
 * and are then written or added into the part of {@code C} that exists. A product that overwrites C
 * ({@link Product#overwrite()}: {@link Engine#multiply} and the other overwriting forms) needs no zeroed C and no
 * adding in its first slice. For a short inner dimension that is most of the work besides the multiply-adds:
 * <pre>
 *   δ2·W2ᵀ (64×10 · 10×128):  64 tiles of 10 steps = 160 multiply-adds each, then
 *       adding:      16 C loads, 16 C stores  (and C zeroed before)
 *       overwriting: 16 C stores
 * </pre>
 *
 * <p><b>A·Bᵀ with few rows</b> (the MLP's input gradient {@code δ1·W1ᵀ}, 64×128 · (784×128)ᵀ). Packing
 * {@code Bᵀ} transposes all of the large {@code B}, a scalar copy of {@code m·k} doubles. When
 * {@code n·k + n·m·slices < m·k} the kernel computes {@code Cᵀ = B·Aᵀ} instead: {@code B}'s rows are read in
 * place as the left operand, only the small {@code A} is packed, and each tile goes through the buffer into C
 * transposed (Compare, {@code mlp-grad-x}). Every element is the same sum in the same order either way.
 *
 * <p><b>Buffers.</b> Each thread that calls the kernel keeps its packing buffers (at most {@code KC·NC + MR·KC}
 * doubles, about 530 KB) in a {@link ThreadLocal} of this kernel and reuses them in its next product, rather
 * than allocating and zeroing the 200 KB {@code B} buffer of {@code X·W1} on every call (Compare,
 * {@code mlp-forward1}).
 * Every element of a buffer that a tile reads is written by the packing of the same slice (short strips padded
 * with zeros there), so what a buffer held before never reaches a result. The thread split's helpers are threads
 * like any other and keep buffers of their own. Only {@link KernelChoice} creates this class, and only when the
 * incubator module is present.
 */
final class VectorKernel implements ProductKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Inner-dimension slice. */
    static final int KC = 256;
    /** Columns of B packed at once. */
    static final int NC = 256;
    /** Slices shorter than this pack A even when it is row-major (see the class comment). */
    static final int IN_PLACE_STEPS = 32;

    /** This kernel's packing buffers for each thread that calls it. */
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** Created by {@link KernelChoice}. */
    VectorKernel() {
    }

    /** One thread's packing buffers, grown to the largest product it has met and reused. */
    private static final class Buffers {
        final double[] spill = new double[MR * NR];
        double[] bPack = new double[0];
        double[] aStrip = new double[0];

        double[] bPack(int size) {
            if (bPack.length < size) {
                bPack = new double[size];
            }
            return bPack;
        }

        double[] aStrip(int size) {
            if (aStrip.length < size) {
                aStrip = new double[size];
            }
            return aStrip;
        }
    }

    @Override
    public String name() {
        return "vector (" + MR + "×" + NR + " tiles of " + S.vectorBitSize() + "-bit DoubleVector)";
    }

    @Override
    public void multiply(Product pr, int rowFrom, int rowTo, int colFrom, int colTo) {
        if (flipIsCheaper(pr, rowTo - rowFrom, colTo - colFrom)) {
            Product flipped = new Product(pr.b(), pr.bColStride(), pr.bRowStride(), pr.a(), pr.aColStride(),
                    pr.aRowStride(), pr.c(), pr.m(), pr.k(), pr.n(), pr.overwrite());
            blocked(flipped, colFrom, colTo, rowFrom, rowTo, true, buffers.get());
        } else {
            blocked(pr, rowFrom, rowTo, colFrom, colTo, false, buffers.get());
        }
    }

    /**
     * Whether {@code A·Bᵀ} with few rows is cheaper computed as {@code Cᵀ = B·Aᵀ} (see the class comment).
     */
    static boolean flipIsCheaper(Product pr, int rows, int cols) {
        if (pr.aColStride() != 1 || pr.bColStride() == 1) {
            return false;
        }
        long k = pr.k();
        long slices = (k + KC - 1) / KC;
        return (long) rows * k + (long) rows * cols * slices < (long) cols * k;
    }

    /** The blocked loops over C's rectangle; with {@code transposedC}, {@code C(i, j)} is {@code c[j·n + i]}. */
    private static void blocked(Product pr, int rowFrom, int rowTo, int colFrom, int colTo, boolean transposedC,
            Buffers buffers) {
        int k = pr.k();
        // Slices of equal length (784 = 4 × 196, not 3 × 256 + 16): no slice is left with a handful of steps.
        int slices = (k + KC - 1) / KC;
        int kcMax = (k + slices - 1) / slices;
        boolean rowMajorA = pr.aColStride() == 1 && kcMax >= IN_PLACE_STEPS;
        double[] bPack = buffers.bPack(kcMax * roundUp(Math.min(NC, colTo - colFrom), NR));
        double[] aStrip = rowMajorA && (rowTo - rowFrom) % MR == 0 ? null : buffers.aStrip(MR * kcMax);
        double[] spill = buffers.spill;
        for (int jc = colFrom; jc < colTo; jc += NC) {
            int nc = Math.min(NC, colTo - jc);
            for (int pc = 0; pc < k; pc += kcMax) {
                int kc = Math.min(kcMax, k - pc);
                packB(pr, pc, kc, jc, nc, bPack);
                for (int i = rowFrom; i < rowTo; i += MR) {
                    int rows = Math.min(MR, rowTo - i);
                    boolean inPlace = rowMajorA && rows == MR;
                    if (!inPlace) {
                        packA(pr, i, rows, pc, kc, aStrip);
                    }
                    for (int j = jc; j < jc + nc; j += NR) {
                        int cols = Math.min(NR, jc + nc - j);
                        double[] strip = inPlace ? null : aStrip;
                        if (transposedC) {
                            sums(pr, strip, i, pc, kc, bPack, (j - jc) * kc, spill, 0, NR, false);
                            storeTransposed(pr, spill, i, j, rows, cols, pr.overwrite() && pc == 0);
                        } else {
                            tile(pr, strip, i, pc, kc, bPack, (j - jc) * kc, j, rows, cols, spill);
                        }
                    }
                }
            }
        }
    }

    /** {@code C(i + r, j + jj) (+)= spill[r·NR + jj]} into a C stored transposed: {@code C(i, j) = c[j·n + i]}. */
    private static void storeTransposed(Product pr, double[] spill, int i, int j, int rows, int cols,
            boolean write) {
        double[] c = pr.c();
        int n = pr.n();
        for (int jj = 0; jj < cols; jj++) {
            int ci = (j + jj) * n + i;
            for (int r = 0; r < rows; r++) {
                c[ci + r] = write ? spill[r * NR + jj] : c[ci + r] + spill[r * NR + jj];
            }
        }
    }

    /**
     * {@code C(i.., j..) += A(i.., pc..) · B strip} for one tile of {@code rows×cols}, A read in place if
     * {@code aStrip} is null; {@code C(i.., j..) =} instead for the first slice of a product that overwrites C.
     */
    private static void tile(Product pr, double[] aStrip, int i, int pc, int kc, double[] bPack, int bo, int j,
            int rows, int cols, double[] spill) {
        double[] c = pr.c();
        int m = pr.m();
        boolean write = pr.overwrite() && pc == 0;
        if (rows == MR && cols == NR) {
            // A whole tile: straight into C, added to it after the first slice or when accumulating.
            sums(pr, aStrip, i, pc, kc, bPack, bo, c, i * m + j, m, !write);
            return;
        }
        sums(pr, aStrip, i, pc, kc, bPack, bo, spill, 0, NR, false);
        for (int r = 0; r < rows; r++) {
            int ci = (i + r) * m + j;
            int si = r * NR;
            int jj = 0;
            for (; jj + L <= cols; jj += L) {
                DoubleVector sum = DoubleVector.fromArray(S, spill, si + jj);
                if (!write) {
                    sum = sum.add(DoubleVector.fromArray(S, c, ci + jj));
                }
                sum.intoArray(c, ci + jj);
            }
            for (; jj < cols; jj++) {
                c[ci + jj] = write ? spill[si + jj] : c[ci + jj] + spill[si + jj];
            }
        }
    }

    /** The tile's sums into {@code out}, or added there, row {@code r} at {@code out[oo + r·os ..]}. */
    private static void sums(Product pr, double[] aStrip, int i, int pc, int kc, double[] bPack, int bo,
            double[] out, int oo, int os, boolean add) {
        if (aStrip == null) {
            VectorTiles.inPlace(pr.a(), i * pr.aRowStride() + pc, pr.aRowStride(), bPack, bo, kc, out, oo, os,
                    add);
        } else {
            VectorTiles.packed(aStrip, 0, bPack, bo, kc, out, oo, os, add);
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
            int strip = s * kc * NR;
            if (cs == 1 && width == NR) {
                // Two vectors per row rather than a call to arraycopy for 16 doubles (mlp-forward1: X·W1).
                for (int p = 0, from = pc * rs + jc + s * NR; p < kc; p++, from += rs) {
                    DoubleVector.fromArray(S, b, from).intoArray(bPack, strip + p * NR);
                    DoubleVector.fromArray(S, b, from + L).intoArray(bPack, strip + p * NR + L);
                }
            } else if (cs == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, (pc + p) * rs + jc + s * NR, bPack, strip + p * NR, width);
                }
            } else {
                // Bᵀ stored row-major (rs = 1): column j of B lies along one stored row; read it in order.
                for (int j = 0; j < width; j++) {
                    int from = pc * rs + (jc + s * NR + j) * cs;
                    for (int p = 0; p < kc; p++) {
                        bPack[strip + p * NR + j] = b[from + p * rs];
                    }
                }
            }
            if (width < NR) {
                for (int p = 0; p < kc; p++) {
                    Arrays.fill(bPack, strip + p * NR + width, strip + (p + 1) * NR, 0.0);
                }
            }
        }
    }

    /** One strip, column p, row r: aStrip[p·MR + r] = A(i + r, pc + p), zero past row {@code rows}. */
    private static void packA(Product pr, int i, int rows, int pc, int kc, double[] aStrip) {
        double[] a = pr.a();
        int rs = pr.aRowStride();
        int cs = pr.aColStride();
        if (rs == 1 && rows == MR) {
            // Aᵀ stored row-major: the 8 rows of one column are adjacent, copy them a vector at a time.
            for (int p = 0; p < kc; p++) {
                int from = i + (pc + p) * cs;
                for (int r = 0; r < MR; r += L) {
                    DoubleVector.fromArray(S, a, from + r).intoArray(aStrip, p * MR + r);
                }
            }
            return;
        }
        for (int p = 0; p < kc; p++) {
            int from = i * rs + (pc + p) * cs;
            for (int r = 0; r < rows; r++) {
                aStrip[p * MR + r] = a[from + r * rs];
            }
            Arrays.fill(aStrip, p * MR + rows, (p + 1) * MR, 0.0);
        }
    }
}
