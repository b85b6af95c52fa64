package org.nn4j.io;

import java.util.Objects;
import java.util.Optional;
import org.nn4j.core.model.Sequential;

/**
 * A loaded model together with the file's optional training section.
 *
 * @param model the model, with its optimizer state restored; its generator continues from the saved state when
 *     there is a training section
 * @param training the saved training state, empty when the file has no {@code "training"} section
 */
public record Checkpoint(Sequential model, Optional<TrainingState> training) {

    /**
     * Checks that neither part is null.
     *
     * @param model the model
     * @param training the training section, or empty
     */
    public Checkpoint {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
    }
}
