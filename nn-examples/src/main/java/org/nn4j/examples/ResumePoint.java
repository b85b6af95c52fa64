package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.checkpoint.Checkpoints;

/** Finds and checks the checkpoint {@code train --resume} continues from. */
final class ResumePoint {

    private ResumePoint() {
    }

    /**
     * The newest checkpoint in a directory, checked against the data's sizes; empty, with the reason on
     * {@code err}, if there is none, it cannot be read, or its model does not fit the data.
     */
    static Optional<Checkpoint> newest(Path directory, int features, int classes, PrintStream out, PrintStream err) {
        try {
            Optional<Path> newest = Checkpoints.newest(directory);
            if (newest.isEmpty()) {
                err.println("nn4j train: --resume: no checkpoint in " + directory);
                return Optional.empty();
            }
            Checkpoint checkpoint = ModelFormat.standard().loadCheckpoint(newest.get());
            int done = Checkpoints.epochsCompleted(checkpoint);
            Sequential model = checkpoint.model();
            if (model.inputSize() != features || model.outputSize() != classes) {
                err.println("nn4j train: " + newest.get() + " holds a model for " + model.inputSize() + " features and "
                        + model.outputSize() + " classes, but the data has " + features + " and " + classes);
                return Optional.empty();
            }
            out.println("Resumed from " + newest.get() + " after epoch " + done);
            return Optional.of(checkpoint);
        } catch (IOException | IllegalArgumentException e) {
            err.println("nn4j train: --resume: " + e.getMessage());
            return Optional.empty();
        }
    }
}
