package org.nn4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Sgd;

/** Early stopping on a scripted sequence of validation losses, and stop-on-NaN in a run that diverges. */
class EarlyStoppingAndNaNTest {

    /** A control over one parameter {@code w}, recording stop requests. */
    private static final class FakeControl implements TrainingControl {
        final Parameter w = new Parameter("w", Matrix.rowVector(0));
        String reason;

        @Override
        public void requestStop(String why) {
            if (reason == null) {
                reason = why;
            }
        }

        @Override
        public Optional<String> stopReason() {
            return Optional.ofNullable(reason);
        }

        @Override
        public Map<String, Parameter> parameters() {
            Map<String, Parameter> m = new LinkedHashMap<>();
            m.put("layers[0].w", w);
            return m;
        }
    }

    private static EpochEnd epoch(int i, double valLoss) {
        return new EpochEnd(i, 100, 1.0, Map.of("val_loss", valLoss), Duration.ZERO);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBestWeights() {
        EarlyStopping stopping = new EarlyStopping("val_loss", 2, 0.01, true);
        FakeControl control = new FakeControl();
        stopping.onTrainingStart(new TrainingStart(100, 10, 10, 1), control);
        double[] valLosses = {0.9, 0.5, 0.495, 0.6, 0.4};   // epoch 2 improves by less than minDelta 0.01
        int stoppedAt = -1;
        for (int i = 0; i < valLosses.length && control.reason == null; i++) {
            control.w.value().set(0, 0, i);                 // the weights "are" the epoch number
            stopping.onEpochEnd(epoch(i, valLosses[i]), control);
            stoppedAt = i;
        }
        assertEquals(3, stoppedAt);
        assertEquals("early stopping: val_loss did not improve by more than 0.01 for 2 epochs (best 0.500000 at"
                + " epoch 1)", control.reason);
        stopping.onTrainingEnd(new TrainingEnd(4, 1.0, control.stopReason(), Duration.ZERO), control);
        assertEquals(1.0, control.w.value().get(0, 0), "weights of epoch 1 restored");
        assertEquals(1, stopping.bestEpoch());
        assertEquals(0.5, stopping.best());
    }

    @Test
    void accuracyIsMaximised() {
        EarlyStopping stopping = new EarlyStopping("val_accuracy", 1, 0, false);
        FakeControl control = new FakeControl();
        stopping.onTrainingStart(new TrainingStart(10, 10, 10, 1), control);
        stopping.onEpochEnd(new EpochEnd(0, 10, 1, Map.of("val_accuracy", 0.8), Duration.ZERO), control);
        stopping.onEpochEnd(new EpochEnd(1, 10, 1, Map.of("val_accuracy", 0.9), Duration.ZERO), control);
        assertEquals(null, control.reason);
        stopping.onEpochEnd(new EpochEnd(2, 10, 1, Map.of("val_accuracy", 0.85), Duration.ZERO), control);
        assertTrue(control.reason.contains("best 0.900000 at epoch 1"), control.reason);
    }

    @Test
    void aMissingMetricIsAnErrorNotASilentNoOp() {
        EarlyStopping stopping = EarlyStopping.onValidationLoss(3);
        FakeControl control = new FakeControl();
        stopping.onTrainingStart(new TrainingStart(10, 10, 10, 1), control);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stopping.onEpochEnd(
                new EpochEnd(0, 10, 1, Map.of(), Duration.ZERO), control));
        assertTrue(e.getMessage().contains("reports no metric \"val_loss\""), e.getMessage());
    }

    @Test
    void inARealRunTheBestWeightsComeBack() {
        // y = 2x fitted by a single linear unit with a learning rate so large that every step overshoots more:
        // the validation loss is best at epoch 0 and only grows, so training stops at epoch 2 with epoch 0's weights.
        Matrix x = Matrix.columnVector(1, 2, 3, 4);
        Matrix y = Matrix.columnVector(2, 4, 6, 8);
        Sequential model = Sequential.builder().input(1).dense(1).activation(new Identity())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.3)).seed(1).build();
        List<Matrix> weightsAfterEpoch = new ArrayList<>();
        TrainingHistory history = model.fit(x, y, TrainingConfig.builder().epochs(50)
                .validation(x, y)
                .listener(new org.nn4j.api.training.TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochEnd event, TrainingControl control) {
                        weightsAfterEpoch.add(control.parameters().get("layers[0].weights").value().copy());
                    }
                })
                .listener(EarlyStopping.onValidationLoss(2)).build());
        assertEquals(3, history.epochs());
        assertTrue(history.stopReason().orElseThrow().startsWith("early stopping: val_loss"));
        assertEquals(weightsAfterEpoch.get(0), model.parameters().get("layers[0].weights").value());
    }

    @Test
    void stopOnNaNNamesEpochBatchAndValue() {
        FakeControl control = new FakeControl();
        StopOnNaN stop = new StopOnNaN();
        stop.onBatchEnd(new BatchEnd(0, 0, 3, 0.5, Duration.ZERO), control);
        assertEquals(null, control.reason);
        stop.onBatchEnd(new BatchEnd(3, 1, 3, Double.NaN, Duration.ZERO), control);
        assertEquals("loss is NaN at epoch 3, batch 1 (loss = NaN)", control.reason);
    }

    @Test
    void aDivergingRunIsStoppedAtTheFirstNonFiniteBatch() {
        // The same linear fit with a huge rate: the loss grows by ~10⁴ per step and overflows to ∞, then NaN.
        Matrix x = Matrix.columnVector(1, 2, 3, 4);
        Matrix y = Matrix.columnVector(2, 4, 6, 8);
        Sequential model = Sequential.builder().input(1).dense(1).activation(new Identity())
                .loss(new MeanSquaredError()).optimizer(new Sgd(50)).seed(1).build();
        TrainingHistory history = model.fit(x, y, TrainingConfig.builder().epochs(1000).batchSize(2)
                .shuffle(false).listener(new StopOnNaN()).build());
        String reason = history.stopReason().orElseThrow();
        assertTrue(reason.matches("loss is (NaN|infinite) at epoch \\d+, batch [01] \\(loss = (NaN|Infinity)\\)"),
                reason);
        assertTrue(history.epochs() < 1000);
        assertTrue(!Double.isFinite(history.finalLoss()));
    }
}
