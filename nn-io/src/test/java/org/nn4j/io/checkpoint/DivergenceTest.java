package org.nn4j.io.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;

/**
 * A diverging run (learning rate 1e6) ends through {@link StopOnNaN} with the epoch and the loss in the reason,
 * and the checkpoint listener never writes the blown-up model: the newest checkpoint is the last finite one.
 */
class DivergenceTest {

    @TempDir
    Path directory;

    @Test
    void learningRateOneMillionStopsOnNaNAndNoNonFiniteCheckpointIsWritten() throws IOException {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        // A linear output layer: with this step every update multiplies the error by about −10⁶ until it overflows.
        Sequential model = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Sgd(1e6)).seed(42).build();
        CheckpointListener checkpoints = CheckpointListener.of(model, directory).keep(2);
        TrainingHistory history = model.fit(x, y, TrainingConfig.builder().epochs(500)
                .listener(new StopOnNaN()).listener(checkpoints).build());

        String reason = history.stopReason().orElseThrow();
        Matcher m = Pattern.compile("loss is (NaN|infinite) at epoch (\\d+), batch 0 \\(loss = (NaN|Infinity)\\)")
                .matcher(reason);
        assertTrue(m.matches(), reason);
        int stopEpoch = Integer.parseInt(m.group(2));
        assertTrue(stopEpoch < 499, "stopped early: " + reason);
        assertEquals(stopEpoch + 1, history.epochs());
        assertFalse(Double.isFinite(history.finalLoss()));
        // Every later checkpoint was refused (the model held inf or NaN), each with a logged warning.
        assertTrue(checkpoints.skipped() >= 1, "skipped " + checkpoints.skipped());

        Path newest = Checkpoints.newest(directory).orElseThrow();
        Checkpoint checkpoint = ModelFormat.standard().loadCheckpoint(newest);
        int saved = Checkpoints.epochsCompleted(checkpoint);
        assertTrue(saved <= stopEpoch, "the newest checkpoint (" + saved + ") predates the blow-up at " + stopEpoch);
        checkpoint.model().parameters().forEach((path, p) -> assertTrue(p.value().isFinite(), path));
        System.out.printf("DivergenceTest: stopped with \"%s\"; newest checkpoint after epoch %d; %d checkpoints"
                + " refused%n", reason, saved, checkpoints.skipped());
    }
}
