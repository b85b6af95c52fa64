package org.nn4j.api;

/**
 * The matrix products of tiny shapes, such as the blog network's {@code 4×2 · 2×4}: one dot product per output
 * element, with no set-up and no allocation.
 * <pre>
 *   c[i][j] += Σ_p A(i, p)·B(p, j)        summed from 0 in increasing p, in a register, then added to c
 * </pre>
 * For a {@code c} that is zero this is exactly numpy's reference order. Each operand is read through an offset
 * and a stride, so {@code Aᵀ·B} and {@code A·Bᵀ} are the same loop with other strides.
 *
 * <p>With inner sizes of one to four, which is what tiny networks have, a loop around the dot product would run
 * one to four times and cost more in loop control than in arithmetic: those sizes are written out term by term
 * (in the same order, so the result is the same to the bit).
 */
final class SmallProducts {

    private SmallProducts() {
    }

    /** {@code c += a·b} for {@code a: n×k}, {@code b: k×m}, {@code c: n×m}. */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i * m + j] += dot(a, i * k, 1, b, j, m, k);
            }
        }
    }

    /** {@code c = row + a·b} (the row added to every row) for {@code a: n×k}, {@code b: k×m}, {@code c: n×m}. */
    static void multiplyPlusRow(double[] a, double[] b, double[] row, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i * m + j] = row[j] + dot(a, i * k, 1, b, j, m, k);
            }
        }
    }

    /** {@code c += aᵀ·b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m}. */
    static void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i * m + j] += dot(a, i, n, b, j, m, k);
            }
        }
    }

    /** {@code c += a·bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m}. */
    static void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i * m + j] += dot(a, i * k, 1, b, j * k, 1, k);
            }
        }
    }

    /**
     * {@code c = a·bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m}: the same bits as zeroing {@code c} and
     * adding, since a sum that starts from {@code 0.0} is never {@code −0.0}.
     */
    static void setMultiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[i * m + j] = dot(a, i * k, 1, b, j * k, 1, k);
            }
        }
    }

    /**
     * {@code Σ_p x[xo + p·xs] · y[yo + p·ys]} for {@code p < k}, added left to right onto 0.
     * (Starting from {@code 0.0} matters: {@code 0.0 + (−0.0)} is {@code +0.0}, as in the loop.)
     */
    static double dot(double[] x, int xo, int xs, double[] y, int yo, int ys, int k) {
        switch (k) {
            case 1:
                return 0.0 + x[xo] * y[yo];
            case 2:
                return 0.0 + x[xo] * y[yo] + x[xo + xs] * y[yo + ys];
            case 3:
                return 0.0 + x[xo] * y[yo] + x[xo + xs] * y[yo + ys] + x[xo + 2 * xs] * y[yo + 2 * ys];
            case 4:
                return 0.0 + x[xo] * y[yo] + x[xo + xs] * y[yo + ys] + x[xo + 2 * xs] * y[yo + 2 * ys]
                        + x[xo + 3 * xs] * y[yo + 3 * ys];
            default:
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += x[xo + p * xs] * y[yo + p * ys];
                }
                return s;
        }
    }
}
