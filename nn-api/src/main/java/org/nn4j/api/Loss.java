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

    /**
     * {@link #gradient(Matrix, Matrix)}, allowed to return its result in {@code reuse}: {@code null} or a matrix
     * this loss returned from this method earlier that the caller has finished with (never {@code predicted} or
     * {@code target}). The default ignores it; see {@link Layer#forward(Matrix, Matrix)} for why it exists.
     *
     * @param predicted the model's outputs, {@code n×k}
     * @param target the desired outputs, {@code n×k}
     * @param reuse a matrix the loss may overwrite, or {@code null}
     * @return {@code ∂L/∂predicted}, {@code n×k}: {@code reuse} or a new matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    default Matrix gradient(Matrix predicted, Matrix target, Matrix reuse) {
        return gradient(predicted, target);
    }

    /** @return a short name for messages and summaries; by default the simple class name */
    default String describe() {
        return getClass().getSimpleName();
    }
}
