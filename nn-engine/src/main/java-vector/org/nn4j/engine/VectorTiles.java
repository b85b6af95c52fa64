package org.nn4j.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two register tiles of {@link VectorKernel}: {@code A·B} for one {@code MR×NR} tile (8 rows × two vectors) over
 * {@code kc} steps of the inner dimension, with A read from a packed strip or in place, stored into 8 rows of an
 * array: a small spill buffer that the caller adds into C, or C itself when the product overwrites C.
 * <pre>
 *   c[r][0..1] = 0                                   16 vector accumulators (8 rows × 2 vectors)
 *   for p &lt; kc:
 *       b0, b1 = B strip row p                       two vector loads
 *       for r &lt; 8:  a = broadcast(A(r, p))
 *                   c[r][0] = fma(a, b0, c[r][0]);  c[r][1] = fma(a, b1, c[r][1])
 *   out[oo + r·os ..] = c[r]                         16 vector stores
 * </pre>
 * Sixteen accumulators, two B vectors and one broadcast fit AVX-512's 32 registers, and each loaded vector feeds
 * eight multiply-adds.
 *
 * <p><b>Written for the JIT.</b> On JDK 17, C2 keeps the sixteen vectors in registers only while nothing that may
 * deoptimise (a bounds check it cannot prove once, before the loop) needs them; otherwise it may box them, and the
 * loop falls to a fraction of its speed, in some runs and not others. Hence: two methods with the same loop, each
 * reading A with a constant step per {@code p} (8 for a packed strip, 1 in place), so every load's bounds are proved
 * before the loop, and accumulators that start at zero. The stores come after the loop, at offsets known only at
 * run time when they go straight into C; a tile that adds into C reads C after the loop too, which spares the
 * spill buffer's 16 stores and 16 loads per tile ({@code mlp-epoch}: the accumulated {@code Xᵀ·δ1}). Each method is
 * the whole tile written out, longer than a method usually is here: the sixteen accumulators stay in registers
 * only within one compiled loop (ProductBenchmark).
 *
 * <p>Storing a whole tile straight into C (rather than into the spill buffer at constant offsets) is what makes
 * the MLP's {@code δ2·W2ᵀ} fast (ProductBenchmark, {@code mlp-grad-a1}); it stays fast only while the program uses
 * one vector species (see {@link VectorExpKernel}).
 */
final class VectorTiles {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of a tile. */
    static final int MR = 8;
    /** Columns of a tile: two vectors. */
    static final int NR = 2 * L;

    private VectorTiles() {
    }

    /**
     * {@code out rows = A·B} over {@code kc} steps for a packed strip of A: {@code A(r, p) = ap[ao + p·MR + r]}.
     *
     * @param ap the packed strip
     * @param ao where it starts
     * @param bp the packed B strips
     * @param bo where this B strip starts: {@code B(p, j) = bp[bo + p·NR + j]}
     * @param kc the steps
     * @param out receives the tile: row {@code r} at {@code out[oo + r·os ..]}, {@code NR} doubles
     * @param oo where row 0 of the tile goes
     * @param os the distance between rows in {@code out}
     * @param add whether the sums are added to what {@code out} holds rather than stored over it
     */
    static void packed(double[] ap, int ao, double[] bp, int bo, int kc, double[] out, int oo, int os,
            boolean add) {
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
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo + p * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + p * NR + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ao + p * MR]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(S, ap[ao + p * MR + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        if (add) {
            c00 = c00.add(DoubleVector.fromArray(S, out, oo));
            c01 = c01.add(DoubleVector.fromArray(S, out, oo + L));
            c10 = c10.add(DoubleVector.fromArray(S, out, oo + 1 * os));
            c11 = c11.add(DoubleVector.fromArray(S, out, oo + 1 * os + L));
            c20 = c20.add(DoubleVector.fromArray(S, out, oo + 2 * os));
            c21 = c21.add(DoubleVector.fromArray(S, out, oo + 2 * os + L));
            c30 = c30.add(DoubleVector.fromArray(S, out, oo + 3 * os));
            c31 = c31.add(DoubleVector.fromArray(S, out, oo + 3 * os + L));
            c40 = c40.add(DoubleVector.fromArray(S, out, oo + 4 * os));
            c41 = c41.add(DoubleVector.fromArray(S, out, oo + 4 * os + L));
            c50 = c50.add(DoubleVector.fromArray(S, out, oo + 5 * os));
            c51 = c51.add(DoubleVector.fromArray(S, out, oo + 5 * os + L));
            c60 = c60.add(DoubleVector.fromArray(S, out, oo + 6 * os));
            c61 = c61.add(DoubleVector.fromArray(S, out, oo + 6 * os + L));
            c70 = c70.add(DoubleVector.fromArray(S, out, oo + 7 * os));
            c71 = c71.add(DoubleVector.fromArray(S, out, oo + 7 * os + L));
        }
        c00.intoArray(out, oo);
        c01.intoArray(out, oo + L);
        c10.intoArray(out, oo + 1 * os);
        c11.intoArray(out, oo + 1 * os + L);
        c20.intoArray(out, oo + 2 * os);
        c21.intoArray(out, oo + 2 * os + L);
        c30.intoArray(out, oo + 3 * os);
        c31.intoArray(out, oo + 3 * os + L);
        c40.intoArray(out, oo + 4 * os);
        c41.intoArray(out, oo + 4 * os + L);
        c50.intoArray(out, oo + 5 * os);
        c51.intoArray(out, oo + 5 * os + L);
        c60.intoArray(out, oo + 6 * os);
        c61.intoArray(out, oo + 6 * os + L);
        c70.intoArray(out, oo + 7 * os);
        c71.intoArray(out, oo + 7 * os + L);
    }

    /**
     * {@code out rows = A·B} over {@code kc} steps reading a row-major A where it lies: {@code A(r, p) = ap[ao +
     * r·rowStride + p]}.
     *
     * @param ap the elements of A
     * @param ao where the strip's first row starts (at the slice's first column)
     * @param rowStride the distance between rows of A
     * @param bp the packed B strips
     * @param bo where this B strip starts: {@code B(p, j) = bp[bo + p·NR + j]}
     * @param kc the steps
     * @param out receives the tile: row {@code r} at {@code out[oo + r·os ..]}, {@code NR} doubles
     * @param oo where row 0 of the tile goes
     * @param os the distance between rows in {@code out}
     * @param add whether the sums are added to what {@code out} holds rather than stored over it
     */
    static void inPlace(double[] ap, int ao, int rowStride, double[] bp, int bo, int kc, double[] out, int oo,
            int os, boolean add) {
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
        int a0 = ao + 0 * rowStride;
        int a1 = ao + 1 * rowStride;
        int a2 = ao + 2 * rowStride;
        int a3 = ao + 3 * rowStride;
        int a4 = ao + 4 * rowStride;
        int a5 = ao + 5 * rowStride;
        int a6 = ao + 6 * rowStride;
        int a7 = ao + 7 * rowStride;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo + p * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bo + p * NR + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[a0 + p]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[a1 + p]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[a2 + p]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[a3 + p]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[a4 + p]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, ap[a5 + p]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(S, ap[a6 + p]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(S, ap[a7 + p]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        if (add) {
            c00 = c00.add(DoubleVector.fromArray(S, out, oo));
            c01 = c01.add(DoubleVector.fromArray(S, out, oo + L));
            c10 = c10.add(DoubleVector.fromArray(S, out, oo + 1 * os));
            c11 = c11.add(DoubleVector.fromArray(S, out, oo + 1 * os + L));
            c20 = c20.add(DoubleVector.fromArray(S, out, oo + 2 * os));
            c21 = c21.add(DoubleVector.fromArray(S, out, oo + 2 * os + L));
            c30 = c30.add(DoubleVector.fromArray(S, out, oo + 3 * os));
            c31 = c31.add(DoubleVector.fromArray(S, out, oo + 3 * os + L));
            c40 = c40.add(DoubleVector.fromArray(S, out, oo + 4 * os));
            c41 = c41.add(DoubleVector.fromArray(S, out, oo + 4 * os + L));
            c50 = c50.add(DoubleVector.fromArray(S, out, oo + 5 * os));
            c51 = c51.add(DoubleVector.fromArray(S, out, oo + 5 * os + L));
            c60 = c60.add(DoubleVector.fromArray(S, out, oo + 6 * os));
            c61 = c61.add(DoubleVector.fromArray(S, out, oo + 6 * os + L));
            c70 = c70.add(DoubleVector.fromArray(S, out, oo + 7 * os));
            c71 = c71.add(DoubleVector.fromArray(S, out, oo + 7 * os + L));
        }
        c00.intoArray(out, oo);
        c01.intoArray(out, oo + L);
        c10.intoArray(out, oo + 1 * os);
        c11.intoArray(out, oo + 1 * os + L);
        c20.intoArray(out, oo + 2 * os);
        c21.intoArray(out, oo + 2 * os + L);
        c30.intoArray(out, oo + 3 * os);
        c31.intoArray(out, oo + 3 * os + L);
        c40.intoArray(out, oo + 4 * os);
        c41.intoArray(out, oo + 4 * os + L);
        c50.intoArray(out, oo + 5 * os);
        c51.intoArray(out, oo + 5 * os + L);
        c60.intoArray(out, oo + 6 * os);
        c61.intoArray(out, oo + 6 * os + L);
        c70.intoArray(out, oo + 7 * os);
        c71.intoArray(out, oo + 7 * os + L);
    }
}
