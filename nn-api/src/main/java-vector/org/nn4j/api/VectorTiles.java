package org.nn4j.api;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two register tiles of {@link VectorKernel}: {@code T += A·B} for one {@code MR×NR} tile (8 rows × two vectors)
 * over {@code kc} steps of the inner dimension, with A read from a packed strip or in place.
 * <pre>
 *   c[r][0..1] = T tile                              16 vector accumulators (8 rows × 2 vectors)
 *   for p &lt; kc:
 *       b0, b1 = B strip row p                       two vector loads
 *       for r &lt; 8:  a = broadcast(A(r, p))
 *                   c[r][0] = fma(a, b0, c[r][0]);  c[r][1] = fma(a, b1, c[r][1])
 *   T tile = c
 * </pre>
 * Sixteen accumulators, two B vectors and one broadcast fit AVX-512's 32 registers, and each loaded vector feeds
 * eight multiply-adds. {@code T} is C itself for a whole tile and a zero-padded copy for a tile on C's edge.
 *
 * <p>Why two methods with the same loop: each reads A with a constant step per {@code p} (8 for a packed strip,
 * 1 in place), which lets the JIT check the bounds of every load once, before the loop. One method with the step
 * as a parameter would keep a bounds check (and a deoptimisation point holding the sixteen vectors) at every load
 * inside the loop; on JDK 17 such a loop was seen to fall, in some runs, to a fraction of its speed.
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
     * {@code T += A·B} over {@code kc} steps for a packed strip of A: {@code A(r, p) = ap[ao + p·MR + r]}.
     *
     * @param ap the packed strip
     * @param ao where it starts
     * @param bp the packed B strips
     * @param bo where this B strip starts: {@code B(p, j) = bp[bo + p·NR + j]}
     * @param kc the steps
     * @param t C itself or the edge buffer: {@code T(r, j) = t[to + r·ts + j]}
     * @param to where the tile starts in {@code t}
     * @param ts the row stride of {@code t}
     */
    static void packed(double[] ap, int ao, double[] bp, int bo, int kc, double[] t, int to, int ts) {
        DoubleVector c00 = DoubleVector.fromArray(S, t, to);
        DoubleVector c01 = DoubleVector.fromArray(S, t, to + L);
        DoubleVector c10 = DoubleVector.fromArray(S, t, to + ts);
        DoubleVector c11 = DoubleVector.fromArray(S, t, to + ts + L);
        DoubleVector c20 = DoubleVector.fromArray(S, t, to + 2 * ts);
        DoubleVector c21 = DoubleVector.fromArray(S, t, to + 2 * ts + L);
        DoubleVector c30 = DoubleVector.fromArray(S, t, to + 3 * ts);
        DoubleVector c31 = DoubleVector.fromArray(S, t, to + 3 * ts + L);
        DoubleVector c40 = DoubleVector.fromArray(S, t, to + 4 * ts);
        DoubleVector c41 = DoubleVector.fromArray(S, t, to + 4 * ts + L);
        DoubleVector c50 = DoubleVector.fromArray(S, t, to + 5 * ts);
        DoubleVector c51 = DoubleVector.fromArray(S, t, to + 5 * ts + L);
        DoubleVector c60 = DoubleVector.fromArray(S, t, to + 6 * ts);
        DoubleVector c61 = DoubleVector.fromArray(S, t, to + 6 * ts + L);
        DoubleVector c70 = DoubleVector.fromArray(S, t, to + 7 * ts);
        DoubleVector c71 = DoubleVector.fromArray(S, t, to + 7 * ts + L);
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
        c00.intoArray(t, to);
        c01.intoArray(t, to + L);
        c10.intoArray(t, to + ts);
        c11.intoArray(t, to + ts + L);
        c20.intoArray(t, to + 2 * ts);
        c21.intoArray(t, to + 2 * ts + L);
        c30.intoArray(t, to + 3 * ts);
        c31.intoArray(t, to + 3 * ts + L);
        c40.intoArray(t, to + 4 * ts);
        c41.intoArray(t, to + 4 * ts + L);
        c50.intoArray(t, to + 5 * ts);
        c51.intoArray(t, to + 5 * ts + L);
        c60.intoArray(t, to + 6 * ts);
        c61.intoArray(t, to + 6 * ts + L);
        c70.intoArray(t, to + 7 * ts);
        c71.intoArray(t, to + 7 * ts + L);
    }

    /**
     * {@code T += A·B} over {@code kc} steps reading a row-major A where it lies: {@code A(r, p) = ap[ao + r·rowStride
     * + p]}. Every index is a loop invariant plus {@code p} times a constant, the form the JIT proves in bounds once
     * before the loop instead of at every load.
     *
     * @param ap the elements of A
     * @param ao where the strip's first row starts (at the slice's first column)
     * @param rowStride the distance between rows of A
     * @param bp the packed B strips
     * @param bo where this B strip starts: {@code B(p, j) = bp[bo + p·NR + j]}
     * @param kc the steps
     * @param t C itself or the edge buffer: {@code T(r, j) = t[to + r·ts + j]}
     * @param to where the tile starts in {@code t}
     * @param ts the row stride of {@code t}
     */
    static void inPlace(double[] ap, int ao, int rowStride, double[] bp, int bo, int kc, double[] t, int to, int ts) {
        DoubleVector c00 = DoubleVector.fromArray(S, t, to);
        DoubleVector c01 = DoubleVector.fromArray(S, t, to + L);
        DoubleVector c10 = DoubleVector.fromArray(S, t, to + ts);
        DoubleVector c11 = DoubleVector.fromArray(S, t, to + ts + L);
        DoubleVector c20 = DoubleVector.fromArray(S, t, to + 2 * ts);
        DoubleVector c21 = DoubleVector.fromArray(S, t, to + 2 * ts + L);
        DoubleVector c30 = DoubleVector.fromArray(S, t, to + 3 * ts);
        DoubleVector c31 = DoubleVector.fromArray(S, t, to + 3 * ts + L);
        DoubleVector c40 = DoubleVector.fromArray(S, t, to + 4 * ts);
        DoubleVector c41 = DoubleVector.fromArray(S, t, to + 4 * ts + L);
        DoubleVector c50 = DoubleVector.fromArray(S, t, to + 5 * ts);
        DoubleVector c51 = DoubleVector.fromArray(S, t, to + 5 * ts + L);
        DoubleVector c60 = DoubleVector.fromArray(S, t, to + 6 * ts);
        DoubleVector c61 = DoubleVector.fromArray(S, t, to + 6 * ts + L);
        DoubleVector c70 = DoubleVector.fromArray(S, t, to + 7 * ts);
        DoubleVector c71 = DoubleVector.fromArray(S, t, to + 7 * ts + L);
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
        c00.intoArray(t, to);
        c01.intoArray(t, to + L);
        c10.intoArray(t, to + ts);
        c11.intoArray(t, to + ts + L);
        c20.intoArray(t, to + 2 * ts);
        c21.intoArray(t, to + 2 * ts + L);
        c30.intoArray(t, to + 3 * ts);
        c31.intoArray(t, to + 3 * ts + L);
        c40.intoArray(t, to + 4 * ts);
        c41.intoArray(t, to + 4 * ts + L);
        c50.intoArray(t, to + 5 * ts);
        c51.intoArray(t, to + 5 * ts + L);
        c60.intoArray(t, to + 6 * ts);
        c61.intoArray(t, to + 6 * ts + L);
        c70.intoArray(t, to + 7 * ts);
        c71.intoArray(t, to + 7 * ts + L);
    }
}
