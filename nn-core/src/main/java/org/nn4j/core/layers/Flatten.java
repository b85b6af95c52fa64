package org.nn4j.core.layers;

import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;

/**
 * Turns an image sample ({@code channels×height×width}) into a flat row of features, as Keras' {@code Flatten}.
 * A sample already lies flat in its row (channel by channel, each channel row by row), so only its {@link Shape}
 * changes: the numbers pass through untouched.
 * <pre>
 *   forward:   output = input                  n×(c·h·w) → n×(c·h·w);   shape c×h×w → c·h·w
 *   backward:  ∂L/∂input = ∂L/∂output
 * </pre>
 * Put it where an image meets a {@link Dense} layer, to say in the model (and its summary) that the image is read
 * as one row from there on. A {@code Dense} layer after an image reads the flat row anyway; {@code Flatten} makes
 * that visible. It has no parameters.
 */
public final class Flatten implements Layer {

    /** A flatten layer; it has nothing to configure. */
    public Flatten() {
    }

    /** {@inheritDoc} The input itself: a flat sample is already a row. */
    @Override
    public Matrix forward(Matrix input) {
        return input;
    }

    /** {@inheritDoc} The output's gradient itself. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        if (!outputGradient.sameShape(input)) {
            throw new IllegalArgumentException(describe() + ".backward: outputGradient is " + outputGradient.shape()
                    + ", expected " + input.shape());
        }
        return outputGradient;
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException(describe() + ": input size must be positive, got " + inputSize);
        }
        return inputSize;
    }

    /** {@inheritDoc} One axis holding every value of the input sample: {@code 1×28×28 → 784}. */
    @Override
    public Shape outputShape(Shape inputShape) {
        return Shape.of(inputShape.size());
    }

    @Override
    public String describe() {
        return "Flatten";
    }

    @Override
    public String toString() {
        return describe();
    }
}
