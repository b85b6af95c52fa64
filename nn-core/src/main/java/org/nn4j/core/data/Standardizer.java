package org.nn4j.core.data;

import org.nn4j.api.Matrix;

/**
 * Rescales every column to mean 0 and standard deviation 1, with the means and deviations of the data it was
 * fitted on: fit it on the training rows only, then apply it to training and test rows alike, so nothing about
 * the test rows leaks into training.
 * <pre>
 *   fit:     μ_j = mean of column j,   σ_j = √(mean of (x_ij − μ_j)²)   (σ_j = 1 where the column is constant)
 *   apply:   x'_ij = (x_ij − μ_j) / σ_j
 * </pre>
 *
 * @param means the column means μ, {@code 1×features}
 * @param deviations the column standard deviations σ, {@code 1×features}, all positive
 */
public record Standardizer(Matrix means, Matrix deviations) {

    /**
     * Checks the shapes and copies the matrices.
     *
     * @param means the column means μ, {@code 1×features}
     * @param deviations the column standard deviations σ, {@code 1×features}, all positive
     */
    public Standardizer {
        if (means.rows() != 1 || !means.sameShape(deviations)) {
            throw new IllegalArgumentException("Standardizer: means " + means.shape() + " and deviations "
                    + deviations.shape() + " must both be 1×features");
        }
        means = means.copy();
        deviations = deviations.copy();
    }

    /**
     * @param data the training rows, at least one
     * @return a standardizer with their column means and deviations
     */
    public static Standardizer fit(Matrix data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("Standardizer.fit: no rows");
        }
        Matrix means = data.sumColumns().scale(1.0 / data.rows());
        Matrix deviations = Matrix.zeros(1, data.cols());
        for (int j = 0; j < data.cols(); j++) {
            double sum = 0;
            for (int i = 0; i < data.rows(); i++) {
                double d = data.get(i, j) - means.get(0, j);
                sum += d * d;
            }
            double sigma = Math.sqrt(sum / data.rows());
            deviations.set(0, j, sigma > 0 ? sigma : 1.0);
        }
        return new Standardizer(means, deviations);
    }

    /**
     * @param data rows to rescale, {@code n×features}
     * @return a new, rescaled matrix
     * @throws IllegalArgumentException if the number of columns differs from the fitted data's
     */
    public Matrix apply(Matrix data) {
        if (data.cols() != means.cols()) {
            throw new IllegalArgumentException("Standardizer.apply: data has " + data.cols()
                    + " columns, fitted on " + means.cols());
        }
        Matrix out = data.copy();
        for (int i = 0; i < out.rows(); i++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(i, j, (out.get(i, j) - means.get(0, j)) / deviations.get(0, j));
            }
        }
        return out;
    }
}
