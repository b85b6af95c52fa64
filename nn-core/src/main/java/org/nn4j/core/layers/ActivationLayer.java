package org.nn4j.core.layers;

import java.util.Objects;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;

/**
 * Applies an element-wise {@link Activation} to every element; it has no parameters and keeps the shape.
 * <pre>
 *   forward:   a = f(z)                               z, a: n×k
 *   backward:  ∂L/∂z = ∂L/∂a ⊙ f'(z)                  with f'(z) computed as derivative(z, a)
 * </pre>
 * With {@link org.nn4j.core.activations.Sigmoid} this is the blog's
 * {@code hidden_delta = hidden_error * sigmoid_derivative(a1)}.
 */
public final class ActivationLayer implements Layer {

    private final Activation activation;

    /**
     * @param activation the function to apply
     */
    public ActivationLayer(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    /** {@inheritDoc} {@code a = f(z)}, element by element. */
    @Override
    public Matrix forward(Matrix input) {
        return input.map(activation::apply);
    }

    /** {@inheritDoc} {@code ∂L/∂z = ∂L/∂a ⊙ f'(z)}, with {@code f'(z)} from {@code derivative(z, a)}. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        if (!input.sameShape(output) || !input.sameShape(outputGradient)) {
            throw new IllegalArgumentException(describe() + ".backward: input " + input.shape() + ", output "
                    + output.shape() + " and outputGradient " + outputGradient.shape() + " must have one shape");
        }
        return outputGradient.multiply(input.zip(output, activation::derivative));
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException(describe() + ": input size must be positive, got " + inputSize);
        }
        return inputSize;
    }

    /** {@inheritDoc} The input's shape: an activation works element by element. */
    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    /** @return the activation this layer applies */
    public Activation activation() {
        return activation;
    }

    @Override
    public String describe() {
        return activation.describe();
    }

    @Override
    public String toString() {
        return describe();
    }
}
