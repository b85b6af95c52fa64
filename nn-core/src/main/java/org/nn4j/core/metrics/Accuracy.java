package org.nn4j.core.metrics;

import org.nn4j.api.Matrix;

/**
 * The fraction of rows classified correctly.
 * <pre>
 *   one output column (binary):     class = 1 if value ≥ 0.5 else 0, for prediction and target alike
 *   k ≥ 2 columns (one-hot):        class = argmax over the row (the first column wins a tie)
 *   accuracy = (rows whose predicted class equals the target class) / n
 * </pre>
 */
public final class Accuracy implements Metric {

    /** Creates the (stateless) metric. */
    public Accuracy() {
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        return (double) correct(predicted, target) / predicted.rows();
    }

    /**
     * The count behind the fraction, for reports that show it ({@code 29 of 30 rows}).
     *
     * @param predicted the model's outputs, one row per sample
     * @param target the targets, the same shape
     * @return how many rows are classified correctly
     * @throws IllegalArgumentException if the shapes differ or there are no rows
     */
    public static int correct(Matrix predicted, Matrix target) {
        predicted.requireSameShape("Accuracy: predicted vs target", target);
        if (predicted.rows() == 0) {
            throw new IllegalArgumentException("Accuracy: no rows to score");
        }
        int correct = 0;
        for (int i = 0; i < predicted.rows(); i++) {
            if (classOf(predicted, i) == classOf(target, i)) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * The class of one row, by the rule in the class javadoc.
     *
     * @param m predictions or targets
     * @param row the row
     * @return the class index
     */
    public static int classOf(Matrix m, int row) {
        if (m.cols() == 1) {
            return m.get(row, 0) >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < m.cols(); j++) {
            if (m.get(row, j) > m.get(row, best)) {
                best = j;
            }
        }
        return best;
    }
}
