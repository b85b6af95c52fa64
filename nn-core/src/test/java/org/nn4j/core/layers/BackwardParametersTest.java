package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;

/** {@code backwardParameters}: the parameter half of {@code backward}, which the first layer of a model uses. */
class BackwardParametersTest {

    private static Dense dense() {
        Dense dense = new Dense(3, 2);
        dense.weights().value().copyFromInPlace(Matrix.of(new double[][] {{0.1, -0.2}, {0.3, 0.4}, {-0.5, 0.6}}));
        dense.bias().value().copyFromInPlace(Matrix.rowVector(0.05, -0.05));
        return dense;
    }

    @Test
    void denseAccumulatesExactlyWhatBackwardDoes() {
        Matrix x = Matrix.of(new double[][] {{1, 2, 3}, {-1, 0.5, 2}, {0, 0, 1}, {4, -2, 1}});
        Matrix delta = Matrix.of(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}, {0.7, 0.8}});
        Dense full = dense();
        Dense parametersOnly = dense();
        full.backward(x, full.forward(x), delta);
        parametersOnly.backwardParameters(x, parametersOnly.forward(x), delta);
        assertEquals(full.weights().gradient(), parametersOnly.weights().gradient());
        assertEquals(full.bias().gradient(), parametersOnly.bias().gradient());
        // xᵀ·δ, first element: 1·0.1 − 1·(−0.3) + 0·0.5 + 4·0.7 = 3.2
        assertEquals(3.2, parametersOnly.weights().gradient().get(0, 0), 1e-15);
    }

    @Test
    void denseChecksShapesLikeBackward() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense().backwardParameters(Matrix.zeros(4, 3), Matrix.zeros(4, 2), Matrix.zeros(4, 3)));
        assertEquals("Dense(3→2).backward: outputGradient is 4×3, expected 4×2", e.getMessage());
    }

    @Test
    void theDefaultRunsBackward() {
        // ActivationLayer has no parameters: the default backwardParameters must still accept a valid call.
        ActivationLayer layer = new ActivationLayer(new Sigmoid());
        Matrix z = Matrix.rowVector(0, 1);
        layer.backwardParameters(z, layer.forward(z), Matrix.rowVector(1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> layer.backwardParameters(z, layer.forward(z), Matrix.rowVector(1, 1, 1)));
    }
}
