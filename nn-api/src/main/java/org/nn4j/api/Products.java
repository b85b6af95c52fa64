package org.nn4j.api;

/**
 * The matrix-product kernels behind {@link Matrix#times}, {@link Matrix#transposeTimes} and
 * {@link Matrix#timesTranspose}, on row-major arrays. Each loop keeps the innermost index running along
 * contiguous memory of both the input and the output, so the JIT can vectorise it.
 *
 * <p>Every output element {@code c[i][j]} is accumulated as {@code Σ_p a[i][p]·b[p][j]} in increasing {@code p},
 * the order a textbook (and numpy's reference loop) uses; faster kernels must agree with these to rounding.
 */
final class Products {

    private Products() {
    }

    /** {@code c = a · b} for {@code a: n×k}, {@code b: k×m}, {@code c: n×m} (zero on entry). */
    static void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    /** {@code c = aᵀ · b} for {@code a: k×n}, {@code b: k×m}, {@code c: n×m} (zero on entry). */
    static void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        for (int p = 0; p < k; p++) {
            int ap = p * n;
            int bp = p * m;
            for (int i = 0; i < n; i++) {
                double api = a[ap + i];
                int ci = i * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    /** {@code c = a · bᵀ} for {@code a: n×k}, {@code b: m×k}, {@code c: n×m} (zero on entry). */
    static void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[i * m + j] = s;
            }
        }
    }
}
