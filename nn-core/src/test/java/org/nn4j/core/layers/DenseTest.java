package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;

class DenseTest {

    private Dense twoToThree() {
        Dense dense = new Dense(2, 3);
        dense.weights().value().copyFromInPlace(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        dense.bias().value().copyFromInPlace(Matrix.rowVector(0.5, -0.5, 1));
        return dense;
    }

    @Test
    void forwardIsInputTimesWeightsPlusBias() {
        // row [1, 2]: [1·1 + 2·4, 1·2 + 2·5, 1·3 + 2·6] + b = [9.5, 11.5, 16]
        // row [0, -1]: [-4, -5, -6] + b = [-3.5, -5.5, -5]
        Matrix z = twoToThree().forward(Matrix.of(new double[][] {{1, 2}, {0, -1}}));
        assertEquals(Matrix.of(new double[][] {{9.5, 11.5, 16}, {-3.5, -5.5, -5}}), z);
    }

    @Test
    void backwardAccumulatesGradientsAndReturnsTheInputGradient() {
        Dense dense = twoToThree();
        Matrix x = Matrix.of(new double[][] {{1, 2}, {0, -1}});
        Matrix delta = Matrix.of(new double[][] {{1, 0, -1}, {2, 1, 0}});
        Matrix inputGradient = dense.backward(x, dense.forward(x), delta);
        // xᵀ·δ = [[1·1 + 0·2, 0, -1], [2·1 − 1·2, 2·0 − 1·1, 2·(−1) − 0]] = [[1, 0, -1], [0, -1, -2]]
        assertEquals(Matrix.of(new double[][] {{1, 0, -1}, {0, -1, -2}}), dense.weights().gradient());
        assertEquals(Matrix.rowVector(3, 1, -1), dense.bias().gradient());
        // δ·Wᵀ = [[1 − 3, 4 − 6], [2 + 2, 8 + 5]] = [[-2, -2], [4, 13]]
        assertEquals(Matrix.of(new double[][] {{-2, -2}, {4, 13}}), inputGradient);
        dense.backward(x, dense.forward(x), delta);
        assertEquals(Matrix.rowVector(6, 2, -2), dense.bias().gradient(), "gradients accumulate with +=");
    }

    @Test
    void wrongInputWidthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoToThree().forward(Matrix.zeros(4, 3)));
        assertEquals("Dense(2→3).forward: input has 3 columns, expected 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dense(0, 3));
        assertEquals("Dense: sizes must be positive, got 0→3", e.getMessage());
    }

    @Test
    void activationLayerAppliesSigmoidAndItsDerivative() {
        ActivationLayer layer = new ActivationLayer(new Sigmoid());
        Matrix z = Matrix.rowVector(0, 1000, -1000);
        Matrix a = layer.forward(z);
        assertEquals(Matrix.rowVector(0.5, 1, 1 / (1 + Math.exp(250))), a, "clipped at ±250 as the blog does");
        Matrix g = layer.backward(z, a, Matrix.rowVector(2, 2, 2));
        assertEquals(0.5, g.get(0, 0), "2 · 0.5 · (1 − 0.5)");
        assertEquals(3, layer.outputSize(3));
    }
}
