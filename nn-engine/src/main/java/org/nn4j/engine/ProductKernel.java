package org.nn4j.engine;

/**
 * A blocked matrix-product kernel: adds {@code A·B} into a rectangle of {@code C}, or writes it there when the
 * product says {@link Product#overwrite()}. Implementations are stateless and safe to call from several threads at
 * once on disjoint rectangles of the same {@code C}.
 */
interface ProductKernel {

    /** @return a short description for logs, such as {@code "vector (8×16 tiles of 512-bit DoubleVector)"} */
    String name();

    /**
     * {@code C(i, j) += Σ_p A(i, p)·B(p, j)} for {@code rowFrom ≤ i < rowTo}, {@code colFrom ≤ j < colTo}; with
     * {@link Product#overwrite()}, {@code C(i, j) = Σ_p A(i, p)·B(p, j)} without reading what C held.
     *
     * @param product the operands and their strides
     * @param rowFrom first row of C to compute
     * @param rowTo one past the last row
     * @param colFrom first column of C to compute
     * @param colTo one past the last column
     */
    void multiply(Product product, int rowFrom, int rowTo, int colFrom, int colTo);
}
