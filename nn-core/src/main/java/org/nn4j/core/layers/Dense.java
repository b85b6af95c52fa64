package org.nn4j.core.layers;

import java.util.List;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * A fully connected layer: every output is a weighted sum of every input, plus a bias.
 * <pre>
 *   forward:   z = x · W + b                   x: n×in,  W: in×out,  b: 1×out,  z: n×out
 *   backward:  δ = ∂L/∂z                       (the outputGradient, n×out)
 *              ∂L/∂W += xᵀ · δ                 in×out    (the blog's a1.T.dot(output_delta))
 *              ∂L/∂b += Σ_rows δ               1×out     (np.sum(output_delta, axis=0, keepdims=True))
 *              ∂L/∂x  = δ · Wᵀ                 n×in      (output_delta.dot(weights2.T))
 * </pre>
 * The parameters are named {@code weights} and {@code bias}. A new layer's parameters are zero; the model builder
 * fills them with its initializers. Activation is a separate layer ({@link ActivationLayer}).
 */
public final class Dense implements Layer {

    private final int inputSize;
    private final int outputSize;
    private final Parameter weights;
    private final Parameter bias;

    /**
     * @param inputSize columns of the input, at least 1
     * @param outputSize columns of the output (neurons), at least 1
     * @throws IllegalArgumentException if a size is not positive
     */
    public Dense(int inputSize, int outputSize) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("Dense: sizes must be positive, got " + inputSize + "→" + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.weights = new Parameter("weights", Matrix.zeros(inputSize, outputSize));
        this.bias = new Parameter("bias", Matrix.zeros(1, outputSize));
    }

    /** {@inheritDoc} {@code z = x·W + b}. */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        return input.times(weights.value()).plusRow(bias.value());
    }

    /** {@inheritDoc} The three gradient lines of the table above, with {@code δ = outputGradient}. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        checkInput("backward", input);
        if (!outputGradient.hasShape(input.rows(), outputSize)) {
            throw new IllegalArgumentException(describe() + ".backward: outputGradient is " + outputGradient.shape()
                    + ", expected " + input.rows() + "×" + outputSize);
        }
        Matrix delta = outputGradient;
        weights.gradient().addTransposeTimesInPlace(input, delta);      // ∂L/∂W += xᵀ·δ
        bias.gradient().addInPlace(delta.sumColumns());                 // ∂L/∂b += Σ_rows δ
        return delta.timesTranspose(weights.value());                   // ∂L/∂x  = δ·Wᵀ
    }

    private void checkInput(String method, Matrix input) {
        if (input.cols() != inputSize) {
            throw new IllegalArgumentException(describe() + "." + method + ": input has " + input.cols()
                    + " columns, expected " + inputSize);
        }
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize != this.inputSize) {
            throw new IllegalArgumentException(describe() + ": input has " + inputSize + " columns, expected "
                    + this.inputSize);
        }
        return outputSize;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    /** @return a new layer with copies of the weights and bias (and zero gradients) */
    @Override
    public Dense copy() {
        Dense copy = new Dense(inputSize, outputSize);
        copy.weights.value().copyFromInPlace(weights.value());
        copy.bias.value().copyFromInPlace(bias.value());
        return copy;
    }

    /** @return the {@code in×out} weight parameter {@code W} */
    public Parameter weights() {
        return weights;
    }

    /** @return the {@code 1×out} bias parameter {@code b} */
    public Parameter bias() {
        return bias;
    }

    /** @return the number of input columns */
    public int inputSize() {
        return inputSize;
    }

    /** @return the number of output columns */
    public int outputSize() {
        return outputSize;
    }

    @Override
    public String describe() {
        return "Dense(" + inputSize + "→" + outputSize + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
