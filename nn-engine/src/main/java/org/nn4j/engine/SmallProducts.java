package org.nn4j.engine;

/**
 * The matrix products of tiny shapes, such as the blog network's {@code 4×2 · 2×4}: one dot product per output
 * element, with no set-up and no allocation.
 * <pre>
 *   c[i][j] = base[i][j] + Σ_p A(i, p)·B(p, j)     summed from 0 in increasing p, in a register
 *
 *   base = c      c += Aᵀ·B                        (accumulate)
 *   no base       c = A·B, Aᵀ·B or A·Bᵀ            (overwrite: c is never read)
 * </pre>
 * That is exactly the order of {@link ReferenceEngine}, so these products have its bits. Every form is the one
 * loop of {@link #dots} with other strides: {@code A(i, p) = a[i·ai + p·ap]}, {@code B(p, j) = b[p·bp + j·bj]},
 * so {@code Aᵀ·B} and {@code A·Bᵀ} need no transpose.
 *
 * <p><b>Inner sizes one to four are written out</b>, term by term in the same order (so the result is the same to
 * the bit), each in a method of its own ({@code dots1} to {@code dots4}, {@code dotsLoop} for the rest) that
 * {@link #dots} picks outside the loops: a loop around a dot product of one to four terms costs more in loop
 * control than in arithmetic (XorBenchmark). A one-column result ({@code m = 1}: the XOR network's {@code a1·W2}
 * and {@code a1ᵀ·δ2}) has methods of its own ({@code column1} to {@code column4}), with the column of {@code B} in
 * registers and no inner loop. Keeping the two apart keeps each method's compiled code under C2's limit for
 * inlining an already compiled method (2,500 bytes): {@code dots4} with its column loop inside was over it and
 * stayed a call of its own (Compare, {@code xor-epoch}).
 */
final class SmallProducts {

    private SmallProducts() {
    }

    /**
     * {@code c += aᵀ·b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m}: each sum formed from 0, then added to
     * {@code c}.
     */
    static void addTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        dots(a, 1, n, b, m, 1, c, m, c, n, k, m);
    }

    /**
     * {@code c = a·b} for {@code a: n×k}, {@code b: k×m}, {@code c: n×m}, never reading {@code c}: the same bits as
     * zeroing {@code c} and adding, since a sum that starts from {@code 0.0} is never {@code −0.0} (and so for the
     * two forms below).
     */
    static void setMultiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        dots(a, k, 1, b, m, 1, null, 0, c, n, k, m);
    }

    /** {@code c = aᵀ·b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m}, never reading {@code c}. */
    static void setTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        dots(a, 1, n, b, m, 1, null, 0, c, n, k, m);
    }

    /** {@code c = a·bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m}, never reading {@code c}. */
    static void setMultiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        dots(a, k, 1, b, 1, k, null, 0, c, n, k, m);
    }

    /**
     * {@code c[i·m + j] = base[i·bi + j] + Σ_p a[i·ai + p·ap] · b[p·bp + j·bj]} for {@code i < n, j < m, p < k},
     * the sum added left to right onto {@code 0.0} (which matters: {@code 0.0 + (−0.0)} is {@code +0.0}, as in a
     * loop), and no base term when {@code base} is null. {@code base} may be {@code c} itself.
     */
    static void dots(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi, double[] c,
            int n, int k, int m) {
        if (m == 1 && k >= 1 && k <= 4) {
            switch (k) {
                case 1 -> column1(a, ai, b, base, bi, c, n);
                case 2 -> column2(a, ai, ap, b, bp, base, bi, c, n);
                case 3 -> column3(a, ai, ap, b, bp, base, bi, c, n);
                default -> column4(a, ai, ap, b, bp, base, bi, c, n);
            }
            return;
        }
        switch (k) {
            case 1 -> dots1(a, ai, ap, b, bp, bj, base, bi, c, n, m);
            case 2 -> dots2(a, ai, ap, b, bp, bj, base, bi, c, n, m);
            case 3 -> dots3(a, ai, ap, b, bp, bj, base, bi, c, n, m);
            case 4 -> dots4(a, ai, ap, b, bp, bj, base, bi, c, n, m);
            default -> dotsLoop(a, ai, ap, b, bp, bj, base, bi, c, n, k, m);
        }
    }

    /** {@link #dots} for inner size 1 and more than one column. */
    private static void dots1(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi,
            double[] c, int n, int m) {
        for (int i = 0; i < n; i++) {
            double a0 = a[i * ai];
            for (int j = 0; j < m; j++) {
                double s = 0.0 + a0 * b[j * bj];
                c[i * m + j] = base == null ? s : base[i * bi + j] + s;
            }
        }
    }

    /** {@link #dots} for inner size 1 and one column. */
    private static void column1(double[] a, int ai, double[] b, double[] base, int bi, double[] c, int n) {
        double b0 = b[0];
        for (int i = 0; i < n; i++) {
            double s = 0.0 + a[i * ai] * b0;
            c[i] = base == null ? s : base[i * bi] + s;
        }
    }

    /** {@link #dots} for inner size 2 and more than one column. */
    private static void dots2(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi,
            double[] c, int n, int m) {
        for (int i = 0; i < n; i++) {
            double a0 = a[i * ai];
            double a1 = a[i * ai + ap];
            for (int j = 0; j < m; j++) {
                double s = 0.0 + a0 * b[j * bj] + a1 * b[bp + j * bj];
                c[i * m + j] = base == null ? s : base[i * bi + j] + s;
            }
        }
    }

    /** {@link #dots} for inner size 2 and one column. */
    private static void column2(double[] a, int ai, int ap, double[] b, int bp, double[] base, int bi,
            double[] c, int n) {
        double b0 = b[0];
        double b1 = b[bp];
        for (int i = 0; i < n; i++) {
            double s = 0.0 + a[i * ai] * b0 + a[i * ai + ap] * b1;
            c[i] = base == null ? s : base[i * bi] + s;
        }
    }

    /** {@link #dots} for inner size 3 and more than one column. */
    private static void dots3(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi,
            double[] c, int n, int m) {
        for (int i = 0; i < n; i++) {
            double a0 = a[i * ai];
            double a1 = a[i * ai + ap];
            double a2 = a[i * ai + 2 * ap];
            for (int j = 0; j < m; j++) {
                double s = 0.0 + a0 * b[j * bj] + a1 * b[bp + j * bj] + a2 * b[2 * bp + j * bj];
                c[i * m + j] = base == null ? s : base[i * bi + j] + s;
            }
        }
    }

    /** {@link #dots} for inner size 3 and one column. */
    private static void column3(double[] a, int ai, int ap, double[] b, int bp, double[] base, int bi,
            double[] c, int n) {
        double b0 = b[0];
        double b1 = b[bp];
        double b2 = b[2 * bp];
        for (int i = 0; i < n; i++) {
            double s = 0.0 + a[i * ai] * b0 + a[i * ai + ap] * b1 + a[i * ai + 2 * ap] * b2;
            c[i] = base == null ? s : base[i * bi] + s;
        }
    }

    /** {@link #dots} for inner size 4 and more than one column. */
    private static void dots4(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi,
            double[] c, int n, int m) {
        for (int i = 0; i < n; i++) {
            double a0 = a[i * ai];
            double a1 = a[i * ai + ap];
            double a2 = a[i * ai + 2 * ap];
            double a3 = a[i * ai + 3 * ap];
            for (int j = 0; j < m; j++) {
                double s = 0.0 + a0 * b[j * bj] + a1 * b[bp + j * bj] + a2 * b[2 * bp + j * bj]
                        + a3 * b[3 * bp + j * bj];
                c[i * m + j] = base == null ? s : base[i * bi + j] + s;
            }
        }
    }

    /** {@link #dots} for inner size 4 and one column. */
    private static void column4(double[] a, int ai, int ap, double[] b, int bp, double[] base, int bi,
            double[] c, int n) {
        double b0 = b[0];
        double b1 = b[bp];
        double b2 = b[2 * bp];
        double b3 = b[3 * bp];
        for (int i = 0; i < n; i++) {
            double s = 0.0 + a[i * ai] * b0 + a[i * ai + ap] * b1 + a[i * ai + 2 * ap] * b2
                    + a[i * ai + 3 * ap] * b3;
            c[i] = base == null ? s : base[i * bi] + s;
        }
    }

    /** {@link #dots} for any inner size, the sum in a loop. */
    private static void dotsLoop(double[] a, int ai, int ap, double[] b, int bp, int bj, double[] base, int bi,
            double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += a[i * ai + p * ap] * b[p * bp + j * bj];
                }
                c[i * m + j] = base == null ? s : base[i * bi + j] + s;
            }
        }
    }
}
