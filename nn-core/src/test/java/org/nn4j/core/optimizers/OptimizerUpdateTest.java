package org.nn4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * Two steps of every stateful optimizer against numbers worked out by hand, on one parameter
 * {@code p0 = [1, −2]} with gradients {@code g1 = [0.5, −1]} then {@code g2 = [0.25, 0.5]}, learning rate 0.1.
 */
class OptimizerUpdateTest {

    private static final double[] G1 = {0.5, -1.0};
    private static final double[] G2 = {0.25, 0.5};

    private static Map<String, Parameter> parameter() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("layers[0].weights", new Parameter("weights", Matrix.rowVector(1.0, -2.0)));
        return params;
    }

    private static Matrix step(Optimizer optimizer, Map<String, Parameter> params, double[] gradient) {
        Parameter p = params.get("layers[0].weights");
        p.zeroGradient();
        p.gradient().addInPlace(Matrix.rowVector(gradient));
        optimizer.update(params);
        return p.value().copy();
    }

    private static void assertRow(double[] expected, Matrix actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(0, i), 1e-12, "element " + i + " of " + actual);
        }
    }

    @Test
    void classicalMomentumTwoSteps() {
        // v1 = −0.1·g1 = [−0.05, 0.1];                 p1 = p0 + v1 = [0.95, −1.9]
        // v2 = 0.9·v1 − 0.1·g2 = [−0.07, 0.04];         p2 = p1 + v2 = [0.88, −1.86]
        Momentum momentum = Momentum.classical(0.1, 0.9);
        Map<String, Parameter> params = parameter();
        assertRow(new double[] {0.95, -1.9}, step(momentum, params, G1));
        assertRow(new double[] {0.88, -1.86}, step(momentum, params, G2));
        assertRow(new double[] {-0.07, 0.04}, momentum.state().get("velocity/layers[0].weights"));
    }

    @Test
    void nesterovMomentumTwoSteps() {
        // v1 = [−0.05, 0.1];   p1 = p0 + 0.9·v1 − 0.1·g1 = [1 − 0.045 − 0.05, −2 + 0.09 + 0.1] = [0.905, −1.81]
        // v2 = [−0.07, 0.04];  p2 = p1 + 0.9·v2 − 0.1·g2 = [0.905 − 0.063 − 0.025, −1.81 + 0.036 − 0.05]
        //                                                 = [0.817, −1.824]
        Momentum nesterov = Momentum.nesterov(0.1, 0.9);
        Map<String, Parameter> params = parameter();
        assertRow(new double[] {0.905, -1.81}, step(nesterov, params, G1));
        assertRow(new double[] {0.817, -1.824}, step(nesterov, params, G2));
    }

    @Test
    void adamTwoStepsWithBiasCorrection() {
        // t = 1: m = 0.1·g1 = [0.05, −0.1], v = 0.001·g1² = [0.00025, 0.001]
        //        m̂ = m / (1 − 0.9) = g1, v̂ = v / (1 − 0.999) = g1², so each element moves by 0.1·|g|/(|g| + 1e-8):
        //        p1 = [1 − 0.1·0.5/0.50000001, −2 + 0.1·1/1.00000001] = [0.900000002, −1.900000001]
        // t = 2: m = 0.9·m + 0.1·g2 = [0.07, −0.04],  v = 0.999·v + 0.001·g2² = [0.00031225, 0.001249]
        //        m̂ = m / 0.19,  v̂ = v / 0.001999
        //        p2 = p1 − 0.1·m̂/(√v̂ + 1e-8) = [0.8067820404774624, −1.873366297370903]
        Adam adam = new Adam(0.1);
        Map<String, Parameter> params = parameter();
        assertRow(new double[] {0.900000002, -1.900000001}, step(adam, params, G1));
        assertRow(new double[] {0.8067820404774624, -1.873366297370903}, step(adam, params, G2));
        Map<String, Matrix> state = adam.state();
        assertRow(new double[] {0.07, -0.04}, state.get("m/layers[0].weights"));
        assertRow(new double[] {0.00031225, 0.001249}, state.get("v/layers[0].weights"));
        assertEquals(Matrix.of(new double[][] {{2}}), state.get("step/layers[0].weights"));
    }

    @Test
    void restoredStateResumesExactly() {
        // Train two steps straight through, and one step, save, restore into a fresh Adam, one more step.
        Adam straight = new Adam(0.1);
        Map<String, Parameter> a = parameter();
        step(straight, a, G1);
        Matrix expected = step(straight, a, G2);

        Adam first = new Adam(0.1);
        Map<String, Parameter> b = parameter();
        step(first, b, G1);
        Adam resumed = new Adam(0.1);
        resumed.restoreState(first.state());
        assertEquals(expected, step(resumed, b, G2));
        assertEquals(straight.state(), resumed.state());
    }

    @Test
    void stateIsASnapshotNotLive() {
        Momentum momentum = Momentum.classical(0.1, 0.9);
        Map<String, Parameter> params = parameter();
        step(momentum, params, G1);
        Map<String, Matrix> snapshot = momentum.state();
        step(momentum, params, G2);
        assertRow(new double[] {-0.05, 0.1}, snapshot.get("velocity/layers[0].weights"));
    }

    @Test
    void badStateIsRejectedWithItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.1).restoreState(Map.of("velocity/layers[0].weights", Matrix.zeros(1, 2))));
        assertTrue(e.getMessage().contains("velocity/layers[0].weights"), e.getMessage());
        Momentum momentum = Momentum.classical(0.1, 0.9);
        momentum.restoreState(Map.of("velocity/layers[0].weights", Matrix.zeros(2, 2)));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> step(momentum, parameter(), G1));
        assertTrue(shape.getMessage().contains("2×2") && shape.getMessage().contains("1×2"), shape.getMessage());
    }

    @Test
    void configurationIsReadable() {
        Adam adam = new Adam(0.01, 0.8, 0.99, 1e-7);
        assertEquals(0.01, adam.learningRate());
        assertEquals(0.8, adam.beta1());
        assertEquals(0.99, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        Momentum m = Momentum.nesterov(0.05, 0.5);
        assertEquals(0.05, m.learningRate());
        assertEquals(0.5, m.momentum());
        assertTrue(m.nesterov());
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0, false));
        assertThrows(IllegalArgumentException.class, () -> new Adam(-1));
    }
}
