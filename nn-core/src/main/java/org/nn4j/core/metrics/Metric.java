package org.nn4j.core.metrics;

import org.nn4j.api.Matrix;

/**
 * A number that says how well a batch of predictions matches its targets, reported after every epoch beside the
 * loss (under {@link #name()} for the training data and {@code val_<name>} for the validation data). Unlike a
 * loss it need not be differentiable. Implementations are stateless.
 */
public interface Metric {

    /** @return the name under which the metric is reported, such as {@code accuracy} */
    String name();

    /**
     * @param predicted the model's outputs, {@code n×k}
     * @param target the desired outputs, {@code n×k}
     * @return the metric for this batch, as a mean over its rows (so batches can be averaged by size)
     * @throws IllegalArgumentException if the shapes differ
     */
    double value(Matrix predicted, Matrix target);
}
