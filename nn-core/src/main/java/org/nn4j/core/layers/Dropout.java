package org.nn4j.core.layers;

import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.api.Training;

/**
 * Randomly zeroes inputs while training, so that the network cannot lean on any one of them (Srivastava et al.,
 * "Dropout: a simple way to prevent neural networks from overfitting", 2014). This is inverted dropout: kept values
 * are scaled by {@code 1/(1 − rate)} while training, so predicting needs no change.
 * <pre>
 *   training forward:   m_ij = (u_ij ≥ rate) / (1 − rate)      u_ij uniform in [0, 1), from the model's generator
 *                       output = input ⊙ m                    m kept (Training.save) for the backward pass
 *   training backward:  ∂L/∂input = ∂L/∂output ⊙ m
 *   predicting:         output = input,   ∂L/∂input = ∂L/∂output
 * </pre>
 * The layer has no parameters and keeps its input's shape; the same seed draws the same masks on every run.
 */
public final class Dropout implements Layer {

    private final double rate;

    /**
     * @param rate the fraction of inputs to drop while training, in {@code [0, 1)}
     * @throws IllegalArgumentException if the rate is outside {@code [0, 1)}
     */
    public Dropout(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
    }

    /** {@inheritDoc} Predicting: the input, unchanged. */
    @Override
    public Matrix forward(Matrix input) {
        return input;
    }

    /** {@inheritDoc} Predicting: the gradient, unchanged. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        return outputGradient;
    }

    /** {@inheritDoc} Draws the mask {@code m} and returns {@code input ⊙ m}. */
    @Override
    public Matrix forward(Matrix input, Training training) {
        double scale = 1.0 / (1.0 - rate);
        Matrix mask = input.map(x -> training.random().nextDouble() >= rate ? scale : 0.0);
        training.save("mask", mask);
        return input.multiply(mask);
    }

    /** {@inheritDoc} {@code ∂L/∂output ⊙ m}, with the mask of this batch's forward pass. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Training training) {
        return outputGradient.multiply(training.saved("mask"));
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException(describe() + ": input size must be positive, got " + inputSize);
        }
        return inputSize;
    }

    /** {@inheritDoc} The input's shape. */
    @Override
    public Shape outputShape(Shape inputShape) {
        return inputShape;
    }

    /** @return the fraction of inputs dropped while training */
    public double rate() {
        return rate;
    }

    @Override
    public String describe() {
        return "Dropout(" + rate + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
