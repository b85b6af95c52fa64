package org.nn4j.core.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;

/** Gradient clipping by global norm, against numbers worked out by hand. */
class ClipByGlobalNormTest {

    /** Two parameters whose gradients together are the vector (3, 0, 4, 12): global norm √(9 + 16 + 144) = 13. */
    private static Map<String, Parameter> parameters() {
        Parameter w = new Parameter("weights", Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        w.gradient().copyFromInPlace(Matrix.of(new double[][] {{3, 0}, {4, 0}}));
        Parameter b = new Parameter("bias", Matrix.rowVector(10));
        b.gradient().copyFromInPlace(Matrix.rowVector(12));
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("layers[0].weights", w);
        params.put("layers[0].bias", b);
        return params;
    }

    @Test
    void theGlobalNormIsTheLengthOfAllGradientsTogether() {
        assertEquals(13.0, ClipByGlobalNorm.globalNorm(parameters()));
    }

    @Test
    void longGradientsAreScaledToMaxNormBeforeTheWrappedOptimizerSteps() {
        Map<String, Parameter> params = parameters();
        // maxNorm 6.5 = 13 / 2: every gradient is halved, to (1.5, 0, 2, 6); Sgd(0.1) then steps by 0.1·g.
        new ClipByGlobalNorm(new Sgd(0.1), 6.5).update(params);
        assertEquals(Matrix.of(new double[][] {{1.5, 0}, {2, 0}}), params.get("layers[0].weights").gradient());
        assertEquals(Matrix.rowVector(6), params.get("layers[0].bias").gradient());
        assertEquals(Matrix.of(new double[][] {{1 - 0.1 * 1.5, 2}, {3 - 0.1 * 2, 4}}),
                params.get("layers[0].weights").value());
        assertEquals(Matrix.rowVector(10 - 0.1 * 6), params.get("layers[0].bias").value());
        assertEquals(6.5, ClipByGlobalNorm.globalNorm(params), 1e-15);
    }

    @Test
    void anUnevenScaleKeepsTheDirection() {
        Map<String, Parameter> params = parameters();
        // maxNorm 1: factor 1/13, gradients (3/13, 0, 4/13, 12/13).
        new ClipByGlobalNorm(new Sgd(1.0), 1.0).update(params);
        Matrix g = params.get("layers[0].weights").gradient();
        assertEquals(3.0 / 13, g.get(0, 0), 1e-16);
        assertEquals(4.0 / 13, g.get(1, 0), 1e-16);
        assertEquals(12.0 / 13, params.get("layers[0].bias").gradient().get(0, 0), 1e-16);
        assertEquals(10 - 12.0 / 13, params.get("layers[0].bias").value().get(0, 0), 1e-15);
    }

    @Test
    void shortGradientsPassUnchanged() {
        Map<String, Parameter> clipped = parameters();
        Map<String, Parameter> plain = parameters();
        new ClipByGlobalNorm(new Sgd(0.1), 13.0).update(clipped);
        new Sgd(0.1).update(plain);
        for (String path : plain.keySet()) {
            assertEquals(plain.get(path).value(), clipped.get(path).value());
            assertEquals(plain.get(path).gradient(), clipped.get(path).gradient());
        }
    }

    @Test
    void aNonFiniteNormIsPassedOnUnscaled() {
        Map<String, Parameter> params = parameters();
        params.get("layers[0].bias").gradient().set(0, 0, Double.NaN);
        new ClipByGlobalNorm(new Sgd(0.1), 1.0).update(params);
        assertEquals(Matrix.of(new double[][] {{3, 0}, {4, 0}}), params.get("layers[0].weights").gradient());
        assertTrue(Double.isNaN(params.get("layers[0].bias").value().get(0, 0)));
    }

    @Test
    void stateAndRestoreGoToTheWrappedOptimizer() {
        Map<String, Matrix> saved = Map.of("step/layers[0].bias", Matrix.filled(1, 1, 7));
        AtomicReference<Map<String, Matrix>> restored = new AtomicReference<>();
        Optimizer inner = new Optimizer() {
            @Override
            public void update(Map<String, Parameter> parameters) {
            }

            @Override
            public Map<String, Matrix> state() {
                return saved;
            }

            @Override
            public void restoreState(Map<String, Matrix> state) {
                restored.set(state);
            }

            @Override
            public String describe() {
                return "Inner";
            }
        };
        ClipByGlobalNorm clip = new ClipByGlobalNorm(inner, 2.0);
        assertEquals(saved, clip.state());
        clip.restoreState(saved);
        assertEquals(saved, restored.get());
        assertEquals("ClipByGlobalNorm(maxNorm=2.0, Inner)", clip.describe());
    }

    @Test
    void inTrainingEveryStepUsesGradientsNoLongerThanMaxNorm() {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        List<Double> norms = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnd event, TrainingControl control) {
                norms.add(ClipByGlobalNorm.globalNorm(control.parameters()));
            }
        };
        Sequential clipped = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new ClipByGlobalNorm(new Sgd(0.5), 0.05)).seed(42).build();
        clipped.fit(x, y, 20, recorder);
        Sequential plain = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.5)).seed(42).build();
        List<Double> plainNorms = new ArrayList<>();
        plain.fit(x, y, 1, new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnd event, TrainingControl control) {
                plainNorms.add(ClipByGlobalNorm.globalNorm(control.parameters()));
            }
        });
        // The first step's raw gradient is longer than 0.05, so it was clipped to exactly that length.
        assertTrue(plainNorms.get(0) > 0.05, "raw norm " + plainNorms.get(0));
        assertEquals(0.05, norms.get(0), 1e-15);
        for (double norm : norms) {
            assertTrue(norm <= 0.05 + 1e-15, "norm " + norm);
        }
    }

    @Test
    void maxNormMustBePositiveAndFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClipByGlobalNorm(new Sgd(0.1), 0));
        assertEquals("ClipByGlobalNorm: maxNorm must be positive and finite, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClipByGlobalNorm(new Sgd(0.1), Double.NaN));
    }
}
