package org.nn4j.io.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Activation;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingException;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TypeRegistry;

/**
 * Checkpoints through files: N epochs in one go equal k epochs, stop, load the checkpoint, N − k more, bit for bit
 * and with the same history, on a shuffled mini-batch run with Adam (whose moments and step counts must be
 * restored); the listener's interval, pruning and failure behaviour.
 */
class CheckpointResumeTest {

    private static final int N = 10;
    private static final ModelFormat FORMAT = ModelFormat.standard();

    @TempDir
    Path directory;

    private static Sequential model() {
        return Sequential.builder().input(3).dense(6).activation(new Sigmoid()).dense(2).loss(new MeanSquaredError())
                .optimizer(new Adam(0.01)).seed(31).build();
    }

    private static Matrix data(int rows, int cols, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(-1, 1));
        }
        return m;
    }

    private static final Matrix X = data(37, 3, 1);
    private static final Matrix Y = data(37, 2, 2);
    private static final Matrix VX = data(9, 3, 3);
    private static final Matrix VY = data(9, 2, 4);

    private static TrainingConfig.Builder config(int initialEpoch) {
        return TrainingConfig.builder().epochs(N).initialEpoch(initialEpoch).batchSize(8).validation(VX, VY);
    }

    /** Stops training cleanly after a given number of epochs, as a user pressing stop would. */
    private static TrainingListener stopAfter(int epochs) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                if (event.epoch() + 1 == epochs) {
                    control.requestStop("stop after " + epochs);
                }
            }
        };
    }

    @Test
    void everySplitPointResumesBitIdenticallyWithTheSameHistory() throws IOException {
        Sequential oneGo = model();
        TrainingHistory full = oneGo.fit(X, Y, config(0).build());
        for (int k = 1; k < N; k++) {
            Path dir = directory.resolve("k" + k);
            Sequential first = model();
            TrainingHistory before = first.fit(X, Y, config(0).listener(stopAfter(k))
                    .listener(CheckpointListener.of(first, dir).format(FORMAT).keep(2)).build());

            Path newest = Checkpoints.newest(dir).orElseThrow();
            assertEquals(Checkpoints.fileName(k), newest.getFileName().toString());
            Checkpoint checkpoint = FORMAT.loadCheckpoint(newest);
            Sequential resumed = checkpoint.model();
            TrainingHistory after = resumed.fit(X, Y, config(Checkpoints.epochsCompleted(checkpoint)).build());

            int split = k;
            oneGo.parameters().forEach((path, p) ->
                    assertEquals(p.value(), resumed.parameters().get(path).value(), "k=" + split + " " + path));
            assertEquals(oneGo.optimizer().state(), resumed.optimizer().state(), "k=" + k);
            assertEquals(full.loss(), concat(before.loss(), after.loss()), "k=" + k);
            assertEquals(full.metric("val_loss"), concat(before.metric("val_loss"), after.metric("val_loss")));
        }
    }

    @Test
    void withoutTheOptimizerStateTheResumedRunWouldDiffer() throws IOException {
        // The control for the test above: Adam restarted from zero moments ends elsewhere.
        Sequential oneGo = model();
        oneGo.fit(X, Y, config(0).build());
        Sequential first = model();
        first.fit(X, Y, config(0).listener(stopAfter(4))
                .listener(CheckpointListener.of(first, directory).format(FORMAT)).build());
        Sequential resumed = FORMAT.load(Checkpoints.newest(directory).orElseThrow());
        resumed.optimizer().restoreState(java.util.Map.of());
        resumed.fit(X, Y, config(4).build());
        assertFalse(oneGo.parameters().get("layers[0].weights").value()
                .equals(resumed.parameters().get("layers[0].weights").value()));
    }

    @Test
    void writesEveryNEpochsAndAtTheEndKeepingTheNewestK() throws IOException {
        Sequential model = model();
        CheckpointListener listener = CheckpointListener.of(model, directory).format(FORMAT).every(3).keep(2);
        model.fit(X, Y, config(0).listener(listener).build());
        // Epochs 3, 6, 9 by the interval and 10 at the end; the newest two remain.
        assertEquals(List.of(Checkpoints.fileName(9), Checkpoints.fileName(10)), names());
        assertEquals(10, Checkpoints.epochsCompleted(FORMAT.loadCheckpoint(
                Checkpoints.newest(directory).orElseThrow())));
    }

    @Test
    void anActivationFailingMidEpochLeavesTheLastCheckpointIntact() throws IOException {
        ModelFormat format = ModelFormat.of(TypeRegistry.builder()
                .activation("flaky-sigmoid", FlakySigmoid.class, () -> new FlakySigmoid(-1)).build());
        // 37 rows × 6 units = 222 activations per epoch; batch 2 of epoch 7 starts after 7·222 + 2·8·6 = 1650.
        Sequential model = Sequential.builder().input(3).dense(6).activation(new FlakySigmoid(1650)).dense(2)
                .loss(new MeanSquaredError()).optimizer(new Adam(0.01)).seed(31).build();
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y,
                TrainingConfig.builder().epochs(N).batchSize(8)
                        .listener(CheckpointListener.of(model, directory).format(format)).build()));
        assertEquals("layer 1 (FlakySigmoid).forward", e.component());
        assertEquals(7, e.epoch());
        assertEquals(2, e.batch());
        Checkpoint checkpoint = format.loadCheckpoint(Checkpoints.newest(directory).orElseThrow());
        assertEquals(7, Checkpoints.epochsCompleted(checkpoint));
        Sequential reference = model();
        reference.fit(X, Y, TrainingConfig.builder().epochs(7).batchSize(8).build());
        reference.parameters().forEach((path, p) ->
                assertEquals(p.value(), checkpoint.model().parameters().get(path).value(), path));
    }

    @Test
    void aDirectoryThatCannotBeWrittenStopsTrainingNamingTheListener() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        Sequential model = model();
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y,
                config(0).listener(CheckpointListener.of(model, notADirectory).format(FORMAT)).build()));
        assertEquals("listener 0 (CheckpointListener).onTrainingStart", e.component());
        assertTrue(e.getCause() instanceof UncheckedIOException);
        assertTrue(e.getMessage().contains("cannot prepare " + notADirectory), e.getMessage());
    }

    @Test
    void staleTemporaryFilesOfAKilledSaveAreRemovedAndIgnored() throws IOException {
        Files.createDirectories(directory);
        Path stale = Files.writeString(directory.resolve(".checkpoint-00000004.json.123.456.tmp"), "{\"form");
        Path other = Files.writeString(directory.resolve("notes.txt"), "mine");
        assertTrue(Checkpoints.newest(directory).isEmpty());
        Sequential model = model();
        model.fit(X, Y, config(0).listener(CheckpointListener.of(model, directory).format(FORMAT).every(5))
                .build());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
        assertEquals(List.of(Checkpoints.fileName(5), Checkpoints.fileName(10)), names());
    }

    @Test
    void intervalAndCountMustBePositive() {
        Sequential model = model();
        assertThrows(IllegalArgumentException.class, () -> CheckpointListener.of(model, directory).every(0));
        assertThrows(IllegalArgumentException.class, () -> CheckpointListener.of(model, directory).keep(0));
    }

    private List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        Checkpoints.list(directory).forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The sigmoid, throwing on its n-th element (from 0; −1: never). */
    public static final class FlakySigmoid implements Activation {
        private final Sigmoid sigmoid = new Sigmoid();
        private final int failAt;
        private int calls;

        FlakySigmoid(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public double apply(double x) {
            if (calls++ == failAt) {
                throw new IllegalStateException("broken activation");
            }
            return sigmoid.apply(x);
        }

        @Override
        public double derivative(double x, double y) {
            return sigmoid.derivative(x, y);
        }
    }
}
