package org.nn4j.api;

import java.util.Objects;

/**
 * A named, trainable value matrix with its gradient matrix of the same shape: the one deliberately mutable type
 * of the API.
 *
 * <p>During one training step the model {@linkplain #zeroGradient() zeroes} every gradient, each layer's
 * {@link Layer#backward backward} <em>adds</em> {@code ∂loss/∂value} into {@link #gradient()} (gradients
 * accumulate with {@code +=}, as in micrograd), and the {@link Optimizer} then changes {@link #value()} in place.
 * Neither matrix is ever replaced, so references to them stay valid.
 */
public final class Parameter {

    private final String name;
    private final Matrix value;
    private final Matrix gradient;

    /**
     * @param name the parameter's name within its layer, such as {@code "weights"} or {@code "bias"}
     * @param value the initial value; the parameter keeps this matrix (it does not copy it)
     * @throws IllegalArgumentException if the name is blank
     */
    public Parameter(String name, Matrix value) {
        Objects.requireNonNull(value, "value");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Parameter: name must not be blank");
        }
        this.name = name;
        this.value = value;
        this.gradient = Matrix.zeros(value.rows(), value.cols());
    }

    /** @return the name within its layer, such as {@code "weights"} */
    public String name() {
        return name;
    }

    /** @return the value matrix, changed in place by optimizers and initializers */
    public Matrix value() {
        return value;
    }

    /** @return the gradient matrix {@code ∂loss/∂value}, same shape as {@link #value()} */
    public Matrix gradient() {
        return gradient;
    }

    /** Sets every element of the gradient to zero, before a new backward pass. */
    public void zeroGradient() {
        gradient.fillInPlace(0.0);
    }

    /** @return the name and shape, like {@code weights 2×4} */
    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
