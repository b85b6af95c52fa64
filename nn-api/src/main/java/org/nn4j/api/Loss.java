package org.nn4j.api;

/**
 * A loss function: one number that says how far a batch of predictions is from its targets, and its gradient.
 *
 * <pre>
 *   value(ŷ, y)     = L(ŷ, y)           a scalar, averaged over the batch
 *   gradient(ŷ, y)  = ∂L/∂ŷ             same shape as ŷ (n×k)
 * </pre>
 *
 * <p>{@code value} and {@code gradient} must be consistent: the gradient is the exact derivative of the value,
 * including the {@code 1/n} of the average. nn4j's gradient check proves this for every built-in loss.
 */
public interface Loss {

    /**
     * @param predicted the model's outputs, {@code n×k}
     * @param target the desired outputs, {@code n×k}
     * @return the loss
     * @throws IllegalArgumentException if the shapes differ
     */
    double value(Matrix predicted, Matrix target);

    /**
     * @param predicted the model's outputs, {@code n×k}
     * @param target the desired outputs, {@code n×k}
     * @return a new matrix {@code ∂L/∂predicted}, {@code n×k}
     * @throws IllegalArgumentException if the shapes differ
     */
    Matrix gradient(Matrix predicted, Matrix target);

    /** @return a short name for messages and summaries; by default the simple class name */
    default String describe() {
        return getClass().getSimpleName();
    }
}
