package org.nn4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * Weight decay and learning-rate schedules against numbers worked out by hand, on one parameter
 * {@code p0 = [1, −2]}, and resuming from their state bit for bit.
 */
class WeightDecayAndScheduleTest {

    private static final String PATH = "layers[0].weights";

    private static Map<String, Parameter> parameter() {
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put(PATH, new Parameter("weights", Matrix.rowVector(1.0, -2.0)));
        return params;
    }

    private static Matrix step(Optimizer optimizer, Map<String, Parameter> params, double... gradient) {
        Parameter p = params.get(PATH);
        p.zeroGradient();
        p.gradient().addInPlace(Matrix.rowVector(gradient));
        optimizer.update(params);
        return p.value().copy();
    }

    private static void assertRow(double[] expected, Matrix actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(0, i), tolerance, "element " + i + " of " + actual);
        }
    }

    @Test
    void weightDecayAddsLambdaTimesTheWeightsToTheGradient() {
        // λ = 0.5, g1 = [0.5, −1]:  g1 + λ·p0 = [0.5 + 0.5, −1 − 1] = [1, −2]
        //   Sgd(0.1):  p1 = p0 − 0.1·[1, −2] = [0.9, −1.8]            (= (1 − 0.05)·p0 − 0.1·g1)
        // g2 = [0, 0]: only the decay acts:  p2 = p1 − 0.1·0.5·p1 = 0.95·p1 = [0.855, −1.71]
        WeightDecay decay = new WeightDecay(new Sgd(0.1), 0.5);
        Map<String, Parameter> params = parameter();
        assertRow(new double[] {0.9, -1.8}, step(decay, params, 0.5, -1), 1e-15);
        assertRow(new double[] {0.855, -1.71}, step(decay, params, 0, 0), 1e-15);
        assertEquals(Map.of(), decay.state());
    }

    @Test
    void weightDecayWithAdamDecaysTheGradientAdamSees() {
        // λ = 0.5, g1 = [0.5, −1] → [1, −2]; Adam's first step moves each element by η·|g|/(|g| + 1e-8):
        //   p1 = [1 − 0.1·1/1.00000001, −2 + 0.1·2/2.00000001]
        WeightDecay decay = new WeightDecay(new Adam(0.1), 0.5);
        Map<String, Parameter> params = parameter();
        assertRow(new double[] {1 - 0.1 / 1.00000001, -2 + 0.1 * 2 / 2.00000001}, step(decay, params, 0.5, -1),
                1e-15);
        assertRow(new double[] {0.1, -0.2}, decay.state().get("m/" + PATH), 1e-15);   // (1 − β₁)·[1, −2]
    }

    @Test
    void stepDecayAtChosenEpochs() {
        // stepSize 3, gamma 0.1: factor = 0.1^⌊epoch/3⌋
        StepDecay step = new StepDecay(3, 0.1);
        assertEquals(1.0, step.factor(0));
        assertEquals(1.0, step.factor(2));
        assertEquals(0.1, step.factor(3));
        assertEquals(0.1, step.factor(5));
        assertEquals(0.01, step.factor(6), 1e-17);
        assertEquals(1e-3, step.factor(9), 1e-17);
    }

    @Test
    void cosineDecayAtChosenEpochs() {
        // epochs 10, down to 0: factor = (1 + cos(π·e/10)) / 2
        CosineDecay cosine = new CosineDecay(10);
        assertEquals(1.0, cosine.factor(0));
        assertEquals((1 + Math.cos(Math.PI * 0.2)) / 2, cosine.factor(2));          // 0.9045084971874737
        assertEquals(0.9045084971874737, cosine.factor(2), 1e-16);
        assertEquals(0.5, cosine.factor(5), 1e-16);
        assertEquals(0.0, cosine.factor(10));
        assertEquals(0.0, cosine.factor(15));                                       // stays at the end
        // epochs 4, minFactor 0.2: epoch 1 → 0.2 + 0.8·(1 + cos(π/4))/2 = 0.2 + 0.4·1.7071067811865475
        CosineDecay floor = new CosineDecay(4, 0.2);
        assertEquals(0.8828427124746190, floor.factor(1), 1e-15);
        assertEquals(0.2, floor.factor(4), 1e-16);
    }

    @Test
    void scheduledSgdTakesTheScheduledRateEachEpoch() {
        // Two updates per epoch, the rate halved every epoch: 0.1, 0.1, 0.05, 0.05, 0.025 with g = [1, −1]:
        //   p5 = [1 − 0.325, −2 + 0.325] = [0.675, −1.675]
        Scheduled scheduled = new Scheduled(new Sgd(0.1), new StepDecay(1, 0.5), 2);
        Map<String, Parameter> params = parameter();
        double[] expectedFirst = {1.0, 1.0, 0.5, 0.5, 0.25};
        Matrix p = null;
        for (int t = 0; t < 5; t++) {
            assertEquals(expectedFirst[t], scheduled.currentFactor(PATH), "factor of update " + t);
            p = step(scheduled, params, 1, -1);
        }
        assertRow(new double[] {0.675, -1.675}, p, 1e-15);
        assertEquals(Matrix.of(new double[][] {{5}}), scheduled.state().get("scheduleStep/" + PATH));
        assertEquals(0.25, scheduled.currentFactor(PATH));                          // update 5 is in epoch 2
    }

    @Test
    void scheduledAdamScalesAdamsStep() {
        // Epoch 0 (factor 1) is Adam itself; the first update of epoch 1 with CosineDecay(2) has factor 0.5:
        //   Adam alone would move p by Δ; the scheduled step is 0.5·Δ.
        Scheduled scheduled = new Scheduled(new Adam(0.1), new CosineDecay(2), 1);
        Adam plain = new Adam(0.1);
        Map<String, Parameter> a = parameter();
        Map<String, Parameter> b = parameter();
        assertEquals(step(plain, b, 0.5, -1), step(scheduled, a, 0.5, -1));
        Matrix before = b.get(PATH).value().copy();
        Matrix adamStep = step(plain, b, 0.25, 0.5).minus(before);
        Matrix scheduledStep = step(scheduled, a, 0.25, 0.5).minus(before);
        assertRow(adamStep.scale(0.5).toRowMajorArray(), scheduledStep, 1e-15);
    }

    @Test
    void resumingFromStateContinuesBitForBit() {
        Map<String, Parameter> straight = parameter();
        Optimizer through = optimizer();
        for (int t = 0; t < 7; t++) {
            step(through, straight, gradient(t));
        }
        Map<String, Parameter> resumed = parameter();
        Optimizer first = optimizer();
        for (int t = 0; t < 3; t++) {
            step(first, resumed, gradient(t));
        }
        Optimizer second = optimizer();
        second.restoreState(first.state());
        for (int t = 3; t < 7; t++) {
            step(second, resumed, gradient(t));
        }
        assertEquals(straight.get(PATH).value(), resumed.get(PATH).value());
        assertEquals(through.state(), second.state());
    }

    private static Optimizer optimizer() {
        return new Scheduled(new WeightDecay(new Adam(0.05), 1e-2), new CosineDecay(3, 0.1), 2);
    }

    private static double[] gradient(int t) {
        return new double[] {Math.sin(t + 1.0), Math.cos(3.0 * t)};
    }

    @Test
    void badSettingsAndStateAreNamed() {
        assertEquals("WeightDecay: rate must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new WeightDecay(new Sgd(0.1), 0)).getMessage());
        assertEquals("StepDecay: gamma must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new StepDecay(2, 1.5)).getMessage());
        assertEquals("CosineDecay: epochs must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0)).getMessage());
        assertEquals("Scheduled: stepsPerEpoch must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Scheduled(new Sgd(0.1), new CosineDecay(3), 0)).getMessage());
        Scheduled scheduled = new Scheduled(new Sgd(0.1), new CosineDecay(3), 2);
        assertEquals("Scheduled: state scheduleStep/" + PATH + " must be a 1×1 count of updates (a whole number ≥ 0),"
                + " got 1×1 [[-1.0]]", assertThrows(IllegalArgumentException.class,
                        () -> scheduled.restoreState(Map.of("scheduleStep/" + PATH, Matrix.filled(1, 1, -1))))
                        .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> scheduled.restoreState(Map.of("m/" + PATH, Matrix.filled(1, 2, 0))));
    }
}
