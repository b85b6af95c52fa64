package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;

/** Softmax forward by hand, and its Jacobian-vector product against the Jacobian written out. */
class SoftmaxTest {

    @Test
    void forwardByHand() {
        Matrix y = new Softmax().forward(Matrix.of(new double[][] {{1, 2, 3}, {0, 0, 0}}));
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(1) / sum, y.get(0, 0), 1e-15);
        assertEquals(Math.exp(3) / sum, y.get(0, 2), 1e-15);
        assertEquals(1.0 / 3, y.get(1, 1), 1e-15);
    }

    @Test
    void backwardIsTheFullJacobianTimesTheGradient() {
        Matrix z = Matrix.rowVector(0.3, -1.2, 2.0);
        Matrix y = new Softmax().forward(z);
        Matrix g = Matrix.rowVector(0.5, -0.25, 1.5);
        Matrix dz = new Softmax().backward(z, y, g);
        // ∂y_l/∂z_j = y_l·([l = j] − y_j);  dz_j = Σ_l g_l · ∂y_l/∂z_j
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (int l = 0; l < 3; l++) {
                expected += g.get(0, l) * y.get(0, l) * ((l == j ? 1 : 0) - y.get(0, j));
            }
            assertEquals(expected, dz.get(0, j), 1e-15);
        }
    }

    @Test
    void shapeMismatchNamesTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax().backward(Matrix.zeros(2, 3), Matrix.zeros(2, 3), Matrix.zeros(2, 2)));
        assertEquals("Softmax.backward: input 2×3, output 2×3 and outputGradient 2×2 must have one shape",
                e.getMessage());
    }
}
