package org.nn4j.io;

import java.util.Objects;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.random.NumpyRandom;

/**
 * What a checkpoint stores besides the model and its optimizer state, so that interrupted training can resume
 * exactly: how many epochs are done and the state of the model's generator (which shuffles mini-batches).
 * It is the optional {@code "training"} section of a model file.
 *
 * @param epochsCompleted the epochs trained so far, zero or more
 * @param random the complete state of the model's {@link NumpyRandom}
 */
public record TrainingState(long epochsCompleted, NumpyRandom.State random) {

    /**
     * Checks the values.
     *
     * @param epochsCompleted the epochs trained so far, zero or more
     * @param random the generator's state
     */
    public TrainingState {
        Objects.requireNonNull(random, "random");
        if (epochsCompleted < 0) {
            throw new IllegalArgumentException("TrainingState: epochs completed must not be negative, got "
                    + epochsCompleted);
        }
    }

    /**
     * Captures the training state of a model whose generator is a {@link NumpyRandom}.
     *
     * @param model the model being trained
     * @param epochsCompleted the epochs trained so far
     * @return the state
     * @throws IllegalArgumentException if the model's generator is not a {@link NumpyRandom} (only its state can
     *     be saved)
     */
    public static TrainingState of(Sequential model, long epochsCompleted) {
        if (!(model.random() instanceof NumpyRandom random)) {
            throw new IllegalArgumentException("TrainingState: the model's generator is a "
                    + model.random().getClass().getSimpleName() + "; only a NumpyRandom's state can be saved");
        }
        return new TrainingState(epochsCompleted, random.state());
    }
}
