package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * A plug-in that throws in the middle of training stops it with a {@link TrainingException} naming the plug-in,
 * the epoch and the batch, and leaves every parameter exactly as after the last complete update (compared bit for
 * bit with a run stopped cleanly after the same number of updates).
 */
class PluginFaultTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.25}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0, 1);
    /** Batch size 2 over 5 rows: 3 batches per epoch, shuffled. The faults strike at epoch 1, batch 1. */
    private static final int BATCHES = 3;
    private static final int FAIL_EPOCH = 1;
    private static final int FAIL_BATCH = 1;
    private static final int UPDATES_BEFORE = FAIL_EPOCH * BATCHES + FAIL_BATCH;

    /** The model every test trains: 2 → Dense(3) → [extra layer] → Sigmoid-like → Dense(1). */
    private static Sequential model(Layer extra, Activation activation, Loss loss, Optimizer optimizer) {
        return Sequential.builder().input(2).dense(3).layer(extra).activation(activation).dense(1)
                .loss(loss).optimizer(optimizer).seed(11).build();
    }

    private static Sequential plainModel() {
        return model(new Flaky(-1, -1), new Sigmoid(), new MeanSquaredError(), new Sgd(0.5));
    }

    private static TrainingConfig config(TrainingListener... listeners) {
        return TrainingConfig.builder().epochs(3).batchSize(2).listeners(java.util.List.of(listeners)).build();
    }

    /** The parameters after exactly {@code updates} complete updates, from a run stopped cleanly by a listener. */
    private static Map<String, Matrix> valuesAfter(int updates) {
        Sequential reference = plainModel();
        int[] seen = {0};
        TrainingListener stopper = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnd event, TrainingControl control) {
                if (++seen[0] == updates) {
                    control.requestStop("reference");
                }
            }
        };
        if (updates > 0) {
            reference.fit(X, Y, config(stopper));
        }
        return values(reference);
    }

    private static Map<String, Matrix> values(Sequential model) {
        Map<String, Matrix> copy = new LinkedHashMap<>();
        model.parameters().forEach((k, p) -> copy.put(k, p.value().copy()));
        return copy;
    }

    private static TrainingException failFit(Sequential model, TrainingListener... listeners) {
        return assertThrows(TrainingException.class, () -> model.fit(X, Y, config(listeners)));
    }

    @Test
    void aLayerThrowingInForwardIsNamedAndNoUpdateOfThatBatchIsApplied() {
        Sequential model = model(new Flaky(UPDATES_BEFORE, -1), new Sigmoid(), new MeanSquaredError(), new Sgd(0.5));
        TrainingException e = failFit(model);
        assertEquals("layer 1 (Flaky).forward", e.component());
        assertEquals(FAIL_EPOCH, e.epoch());
        assertEquals(FAIL_BATCH, e.batch());
        assertFalse(e.parametersUpdated());
        assertEquals("training failed at epoch 1, batch 1: layer 1 (Flaky).forward threw IllegalStateException: "
                + "Flaky fails on call 4 (every parameter holds its value from before this batch; its update was not"
                + " applied)", e.getMessage());
        assertEquals("Flaky fails on call 4", e.getCause().getMessage());
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
    }

    @Test
    void aLayerThrowingInBackwardAfterLaterLayersAccumulatedGradientsChangesNoValue() {
        Sequential model = model(new Flaky(-1, UPDATES_BEFORE), new Sigmoid(), new MeanSquaredError(), new Sgd(0.5));
        TrainingException e = failFit(model);
        assertEquals("layer 1 (Flaky).backward", e.component());
        assertEquals(FAIL_EPOCH, e.epoch());
        assertEquals(FAIL_BATCH, e.batch());
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
    }

    @Test
    void anActivationThrowingIsNamedThroughItsLayer() {
        // The activation sees batches of 2, 2 and 1 rows of 3 columns: 6 + 6 + 3 elements in epoch 0, then 6
        // in epoch 1's batch 0, so element 21 is the first of epoch 1, batch 1.
        Sequential model = model(new Flaky(-1, -1), new FlakySigmoid(21), new MeanSquaredError(),
                new Sgd(0.5));
        TrainingException e = failFit(model);
        assertEquals("layer 2 (FlakySigmoid).forward", e.component());
        assertEquals(FAIL_EPOCH, e.epoch());
        assertEquals(FAIL_BATCH, e.batch());
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
    }

    @Test
    void aLossThrowingIsNamed() {
        Loss flaky = new Loss() {
            private int calls;

            @Override
            public double value(Matrix predicted, Matrix target) {
                if (calls++ == UPDATES_BEFORE) {
                    throw new ArithmeticException("loss exploded");
                }
                return new MeanSquaredError().value(predicted, target);
            }

            @Override
            public Matrix gradient(Matrix predicted, Matrix target) {
                return new MeanSquaredError().gradient(predicted, target);
            }

            @Override
            public String describe() {
                return "FlakyLoss";
            }
        };
        Sequential model = model(new Flaky(-1, -1), new Sigmoid(), flaky, new Sgd(0.5));
        TrainingException e = failFit(model);
        assertEquals("loss FlakyLoss", e.component());
        assertTrue(e.getMessage().contains("ArithmeticException: loss exploded"), e.getMessage());
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
    }

    @Test
    void anOptimizerThrowingHalfWayIsRolledBackValuesAndState() {
        HalfWayOptimizer optimizer = new HalfWayOptimizer(UPDATES_BEFORE);
        Sequential model = model(new Flaky(-1, -1), new Sigmoid(), new MeanSquaredError(), optimizer);
        TrainingException e = failFit(model);
        assertEquals("optimizer HalfWay(0.5).update", e.component());
        assertEquals(FAIL_EPOCH, e.epoch());
        assertEquals(FAIL_BATCH, e.batch());
        assertFalse(e.parametersUpdated());
        // It had changed two of four parameters and its step counters when it threw: all of it is undone.
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
        assertEquals(4, optimizer.state().size());
        optimizer.state().values().forEach(m -> assertEquals((double) UPDATES_BEFORE, m.get(0, 0)));
    }

    @Test
    void anOptimizerThrowingBeforeChangingAnythingIsNamedAndNothingChanged() {
        HalfWayOptimizer optimizer = new HalfWayOptimizer(UPDATES_BEFORE, 0);
        Sequential model = model(new Flaky(-1, -1), new Sigmoid(), new MeanSquaredError(), optimizer);
        TrainingException e = failFit(model);
        assertEquals("optimizer HalfWay(0.5).update", e.component());
        assertFalse(e.parametersUpdated());
        assertEquals(valuesAfter(UPDATES_BEFORE), values(model));
    }

    @Test
    void aListenerThrowingAfterAnUpdateLeavesThatUpdateComplete() {
        Sequential model = plainModel();
        TrainingListener quiet = new TrainingListener() { };
        TrainingListener thrower = new Exploding(FAIL_EPOCH, FAIL_BATCH);
        TrainingException e = failFit(model, quiet, thrower);
        assertEquals("listener 1 (Exploding).onBatchEnd", e.component());
        assertEquals(FAIL_EPOCH, e.epoch());
        assertEquals(FAIL_BATCH, e.batch());
        assertTrue(e.parametersUpdated());
        assertEquals(valuesAfter(UPDATES_BEFORE + 1), values(model));
    }

    @Test
    void aListenerThrowingAtEpochEndIsNamedWithTheEpoch() {
        Sequential model = plainModel();
        TrainingListener thrower = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                throw new IllegalStateException("disk full");
            }
        };
        TrainingException e = failFit(model, thrower);
        assertTrue(e.component().startsWith("listener 0 ("), e.component());
        assertTrue(e.component().endsWith(").onEpochEnd"), e.component());
        assertEquals(0, e.epoch());
        assertEquals(TrainingException.NO_BATCH, e.batch());
        assertTrue(e.getMessage().startsWith("training failed at epoch 0: listener 0"), e.getMessage());
        assertEquals(valuesAfter(BATCHES), values(model));
    }

    @Test
    void theValidationFailingIsNamedWithTheEpoch() {
        // The flaky layer's 4th forward call is the validation after epoch 0 (three batches come first).
        Sequential model = model(new Flaky(BATCHES, -1), new Sigmoid(), new MeanSquaredError(), new Sgd(0.5));
        TrainingConfig config = TrainingConfig.builder().epochs(3).batchSize(2).validation(X, Y).build();
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y, config));
        assertEquals("validation", e.component());
        assertEquals(0, e.epoch());
        assertTrue(e.parametersUpdated());
        assertEquals(valuesAfter(BATCHES), values(model));
    }

    /** A parameter-free identity layer that throws on its n-th forward or backward call (from 0; −1: never). */
    private static final class Flaky implements Layer {
        private final int failForward;
        private final int failBackward;
        private int forwards;
        private int backwards;

        Flaky(int failForward, int failBackward) {
            this.failForward = failForward;
            this.failBackward = failBackward;
        }

        @Override
        public Matrix forward(Matrix input) {
            if (forwards++ == failForward) {
                throw new IllegalStateException("Flaky fails on call " + failForward);
            }
            return input;
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            if (backwards++ == failBackward) {
                throw new IllegalStateException("Flaky fails on backward call " + failBackward);
            }
            return outputGradient;
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }
    }

    /** Sigmoid that throws on its n-th element (from 0). */
    private static final class FlakySigmoid implements Activation {
        private final Sigmoid sigmoid = new Sigmoid();
        private final int failAt;
        private int calls;

        FlakySigmoid(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public double apply(double x) {
            if (calls++ == failAt) {
                throw new IllegalArgumentException("FlakySigmoid fails on element " + failAt);
            }
            return sigmoid.apply(x);
        }

        @Override
        public double derivative(double x, double y) {
            return sigmoid.derivative(x, y);
        }
    }

    /**
     * Plain gradient descent with a per-parameter step counter as state; on its n-th update (from 0) it throws
     * after updating two (or {@code failAfter}) of the four parameters and their counters.
     */
    private static final class HalfWayOptimizer implements Optimizer {
        private final Sgd sgd = new Sgd(0.5);
        private final int failOn;
        private final int failAfter;
        private final Map<String, Matrix> steps = new LinkedHashMap<>();
        private int updates;

        HalfWayOptimizer(int failOn) {
            this(failOn, 2);
        }

        /** Fails on update {@code failOn} after updating {@code failAfter} parameters. */
        HalfWayOptimizer(int failOn, int failAfter) {
            this.failOn = failOn;
            this.failAfter = failAfter;
        }

        @Override
        public void update(Map<String, Parameter> parameters) {
            boolean fail = updates++ == failOn;
            int done = 0;
            for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                if (fail && done == failAfter) {
                    throw new IllegalStateException("half-way");
                }
                steps.computeIfAbsent("step/" + e.getKey(), k -> Matrix.zeros(1, 1)).addScaledInPlace(1,
                        Matrix.filled(1, 1, 1));
                sgd.update(Map.of(e.getKey(), e.getValue()));
                done++;
            }
        }

        @Override
        public Map<String, Matrix> state() {
            Map<String, Matrix> copy = new LinkedHashMap<>();
            steps.forEach((k, v) -> copy.put(k, v.copy()));
            return copy;
        }

        @Override
        public void restoreState(Map<String, Matrix> state) {
            steps.clear();
            state.forEach((k, v) -> steps.put(k, v.copy()));
        }

        @Override
        public String describe() {
            return "HalfWay(0.5)";
        }
    }

    /** Throws at one batch's end. */
    private static final class Exploding implements TrainingListener {
        private final int epoch;
        private final int batch;

        Exploding(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatchEnd(BatchEnd event, TrainingControl control) {
            if (event.epoch() == epoch && event.batch() == batch) {
                throw new IllegalStateException("listener broke");
            }
        }
    }
}
