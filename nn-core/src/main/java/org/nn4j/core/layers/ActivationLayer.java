package org.nn4j.core.layers;

import java.util.Objects;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;

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

    @Override
    public Matrix forward(Matrix input) {
        return forward(input, null);
    }

    /** {@inheritDoc} Writes {@code f(z)} into {@code reuse} when it has the input's shape. */
    @Override
    public Matrix forward(Matrix input, Matrix reuse) {
        Matrix result = Matrix.reuseOrZeros(reuse, input.rows(), input.cols());
        activation.applyAll(input, result);
        return result;
    }

    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        return backward(input, output, outputGradient, null);
    }

    /** {@inheritDoc} Writes {@code ∂L/∂a ⊙ f'(z)} into {@code reuse} when it has the input's shape. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Matrix reuse) {
        if (!input.sameShape(output) || !input.sameShape(outputGradient)) {
            throw new IllegalArgumentException(describe() + ".backward: input " + input.shape() + ", output "
                    + output.shape() + " and outputGradient " + outputGradient.shape() + " must have one shape");
        }
        // One pass: the derivative and the product with the incoming gradient, fused.
        Matrix result = Matrix.reuseOrZeros(reuse, input.rows(), input.cols());
        for (int i = 0; i < input.size(); i++) {
            double x = input.getFlat(i);
            double y = output.getFlat(i);
            result.setFlat(i, outputGradient.getFlat(i) * activation.derivative(x, y));
        }
        return result;
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException(describe() + ": input size must be positive, got " + inputSize);
        }
        return inputSize;
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
