package org.nn4j.io.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TrainingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a checkpoint every {@code every} epochs and when training ends, keeping the newest {@code keep} files:
 * the model, its optimizer state, the epochs completed and the generator's state, everything
 * {@link org.nn4j.core.model.TrainingConfig.Builder#initialEpoch resuming} needs to continue bit-identically.
 *
 * <pre>
 *   after epoch e (from 0):  if (e + 1) % every == 0:  write checkpoint-&lt;e + 1&gt;.json, delete all but the newest keep
 *   at training end:         write the last completed epoch if it was not written yet
 * </pre>
 *
 * <p><b>Safe against a kill.</b> Each file is written through {@link ModelFormat#saveCheckpoint}: to a temporary
 * file, forced to disk, then renamed over the target in one atomic step; old checkpoints are deleted only after
 * the new one is complete. A process killed at any moment leaves every {@code checkpoint-*.json} complete; the
 * temporary file a killed save leaves behind is deleted when training next starts in the directory (so give each
 * training its own directory).
 *
 * <p><b>Never a NaN checkpoint.</b> A model holding NaN or infinity is not saved: the listener logs a warning
 * naming the epoch and the parameter and keeps the older checkpoints, so the newest file is always a model worth
 * resuming. (Stopping the diverged run is {@code StopOnNaN}'s job.)
 *
 * <p>A checkpoint that cannot be written (disk full, no permission) throws {@link UncheckedIOException}, which
 * stops training with a {@code TrainingException} naming this listener; the older checkpoints stay intact.
 *
 * <p>The model's generator must be a {@link org.nn4j.core.random.NumpyRandom} (the builder's {@code seed(...)}),
 * the only one whose state can be saved.
 */
public final class CheckpointListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);

    private final Sequential model;
    private final Path directory;
    private final int every;
    private final int keep;
    private final ModelFormat format;
    private long lastWritten = -1;
    private int skipped;

    private CheckpointListener(Sequential model, Path directory, int every, int keep, ModelFormat format) {
        this.model = Objects.requireNonNull(model, "model");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.format = Objects.requireNonNull(format, "format");
        if (every < 1) {
            throw new IllegalArgumentException("CheckpointListener: every must be at least 1 epoch, got " + every);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("CheckpointListener: keep must be at least 1 file, got " + keep);
        }
        this.every = every;
        this.keep = keep;
    }

    /**
     * A listener writing after every epoch, keeping the newest 3 files, in the standard format.
     *
     * @param model the model being trained (the one whose {@code fit} gets this listener)
     * @param directory where the checkpoints go; created if missing
     * @return the listener
     */
    public static CheckpointListener of(Sequential model, Path directory) {
        return new CheckpointListener(model, directory, 1, 3, ModelFormat.standard());
    }

    /**
     * @param epochs write after every this many epochs, at least 1
     * @return a listener like this one with that interval
     */
    public CheckpointListener every(int epochs) {
        return new CheckpointListener(model, directory, epochs, keep, format);
    }

    /**
     * @param files how many of the newest checkpoints to keep, at least 1
     * @return a listener like this one keeping that many
     */
    public CheckpointListener keep(int files) {
        return new CheckpointListener(model, directory, every, files, format);
    }

    /**
     * @param modelFormat the format to write with (its registry must know every part of the model)
     * @return a listener like this one writing with that format
     */
    public CheckpointListener format(ModelFormat modelFormat) {
        return new CheckpointListener(model, directory, every, keep, modelFormat);
    }

    /** @return the directory the checkpoints go to */
    public Path directory() {
        return directory;
    }

    /** @return how many checkpoints were not written because the model held NaN or infinity */
    public int skipped() {
        return skipped;
    }

    @Override
    public void onTrainingStart(TrainingStart event, TrainingControl control) {
        try {
            Files.createDirectories(directory);
            int stale = Checkpoints.deleteStaleTemporaryFiles(directory);
            if (stale > 0) {
                LOG.info("Deleted {} temporary file(s) of an interrupted checkpoint in {}", stale, directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CheckpointListener: cannot prepare " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        long completed = event.epoch() + 1L;
        if (completed % every == 0) {
            write(completed);
        }
    }

    @Override
    public void onTrainingEnd(TrainingEnd event, TrainingControl control) {
        long completed = event.epochsCompleted();
        if (completed > 0 && completed != lastWritten) {
            write(completed);
        }
    }

    private void write(long epochsCompleted) {
        Optional<String> bad = firstNonFinite(model.parameters());
        if (bad.isPresent()) {
            skipped++;
            LOG.warn("Checkpoint after epoch {} not written: {} holds NaN or infinity; the newest checkpoint in {}"
                    + " is still the last finite model", epochsCompleted, bad.get(), directory);
            return;
        }
        Path file = directory.resolve(Checkpoints.fileName(epochsCompleted));
        try {
            format.saveCheckpoint(model, TrainingState.of(model, epochsCompleted), file);
            lastWritten = epochsCompleted;
            List<Path> all = Checkpoints.list(directory);
            for (int i = 0; i < all.size() - keep; i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CheckpointListener: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> firstNonFinite(Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            if (!e.getValue().value().isFinite()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
