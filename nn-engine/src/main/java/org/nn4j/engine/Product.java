package org.nn4j.engine;

/**
 * One matrix product {@code C += A·B} or {@code C = A·B} described by its arrays and strides, so that a kernel
 * computes {@code A·B}, {@code Aᵀ·B} and {@code A·Bᵀ} with the same loops.
 * <pre>
 *   A(i, p) = a[i·aRowStride + p·aColStride]      i &lt; n, p &lt; k
 *   B(p, j) = b[p·bRowStride + j·bColStride]      p &lt; k, j &lt; m
 *   C(i, j) = c[i·m + j]                          row-major n×m
 *
 *   a row-major n×k A:          aRowStride = k, aColStride = 1
 *   Aᵀ of a row-major k×n a:    aRowStride = 1, aColStride = n
 *
 *   overwrite = false:          C(i, j) += Σ_p A(i, p)·B(p, j)     (accumulate, as a weight gradient does)
 *   overwrite = true:           C(i, j)  = Σ_p A(i, p)·B(p, j)     (C's old contents are never read)
 * </pre>
 * Overwriting is what a product into a new result wants: nothing has to be zeroed first, and a kernel whose inner
 * dimension fits one slice writes each element of C once instead of reading, adding and writing it (ProductBenchmark,
 * {@code mlp-grad-a1}: the MLP's {@code δ2·W2ᵀ}, 10 steps deep).
 *
 * @param a the elements of A
 * @param aRowStride step in {@code a} from one row of A to the next
 * @param aColStride step in {@code a} from one column of A to the next
 * @param b the elements of B
 * @param bRowStride step in {@code b} from one row of B to the next
 * @param bColStride step in {@code b} from one column of B to the next
 * @param c the row-major result
 * @param n rows of A and C
 * @param k columns of A, rows of B
 * @param m columns of B and C
 * @param overwrite whether C is overwritten ({@code C = A·B}) rather than added into ({@code C += A·B})
 */
record Product(double[] a, int aRowStride, int aColStride, double[] b, int bRowStride, int bColStride,
        double[] c, int n, int k, int m, boolean overwrite) {

    /** A product added into C: {@code C += A·B}. */
    Product(double[] a, int aRowStride, int aColStride, double[] b, int bRowStride, int bColStride, double[] c,
            int n, int k, int m) {
        this(a, aRowStride, aColStride, b, bRowStride, bColStride, c, n, k, m, false);
    }
}
