package org.nn4j.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.init.Uniform;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.random.NumpyRandom;

/**
 * Finite-difference checks of the foundation's pieces. For a layer the scalar function is
 * {@code L = Σ forward(x) ⊙ R} with a fixed random {@code R}, so {@code ∂L/∂output = R} and backward's results must
 * equal the numerical derivatives of L. Worst relative errors must stay below 1e-6.
 */
class GradientCheckTest {

    private static final double TOLERANCE = 1e-6;
    private final NumpyRandom random = new NumpyRandom(2024);

    private Matrix randomMatrix(int rows, int cols) {
        Matrix m = Matrix.zeros(rows, cols);
        new Uniform(-1, 1).initialize(m, rows, cols, random);
        return m;
    }

    private double checkLayer(Layer layer, Matrix input) {
        Matrix output = layer.forward(input);
        Matrix r = randomMatrix(output.rows(), output.cols());
        layer.parameters().forEach(Parameter::zeroGradient);
        Matrix inputGradient = layer.backward(input, output, r);
        double worst = FiniteDifferences.worstRelativeError(inputGradient,
                FiniteDifferences.gradient(x -> layer.forward(x).multiply(r).sum(), input.copy()));
        for (Parameter p : layer.parameters()) {
            Matrix analytic = p.gradient().copy();
            Matrix numeric = FiniteDifferences.gradient(v -> layer.forward(input).multiply(r).sum(), p.value());
            double error = FiniteDifferences.worstRelativeError(analytic, numeric);
            assertTrue(error < TOLERANCE, layer.describe() + " " + p.name() + ": worst relative error " + error);
            worst = Math.max(worst, error);
        }
        return worst;
    }

    @Test
    void denseGradientsMatchFiniteDifferences() {
        Dense dense = new Dense(3, 4);
        new Uniform(-1, 1).initialize(dense.weights().value(), 3, 4, random);
        new Uniform(-1, 1).initialize(dense.bias().value(), 3, 4, random);
        double worst = checkLayer(dense, randomMatrix(5, 3));
        assertTrue(worst < TOLERANCE, "Dense worst relative error " + worst);
    }

    @Test
    void sigmoidGradientMatchesFiniteDifferences() {
        Matrix input = randomMatrix(4, 3).scale(4);
        double worst = checkLayer(new ActivationLayer(new Sigmoid()), input);
        assertTrue(worst < TOLERANCE, "Sigmoid worst relative error " + worst);
    }

    @Test
    void meanSquaredErrorGradientMatchesFiniteDifferences() {
        MeanSquaredError mse = new MeanSquaredError();
        Matrix predicted = randomMatrix(4, 2);
        Matrix target = randomMatrix(4, 2);
        Matrix numeric = FiniteDifferences.gradient(p -> mse.value(p, target), predicted.copy());
        double worst = FiniteDifferences.worstRelativeError(mse.gradient(predicted, target), numeric);
        assertTrue(worst < TOLERANCE, "MeanSquaredError worst relative error " + worst);
    }
}
