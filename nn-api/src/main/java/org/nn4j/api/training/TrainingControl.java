package org.nn4j.api.training;

import java.util.Map;
import java.util.Optional;
import org.nn4j.api.Parameter;

/**
 * The handle a {@link TrainingListener} gets with each event: it can ask training to stop, and it can see the
 * model's parameters (to keep a copy of the best weights, for example).
 */
public interface TrainingControl {

    /**
     * Asks training to stop after the current epoch's events. The first reason given wins.
     *
     * @param reason why, in words a user will read, such as {@code "loss is NaN at epoch 3, batch 1"}
     */
    void requestStop(String reason);

    /** @return the reason of the first stop request, or empty if none was made */
    Optional<String> stopReason();

    /**
     * The model's parameters by path ({@code layers[0].weights}, ...), live: changing a value changes the model.
     *
     * @return an unmodifiable map in the model's order
     */
    Map<String, Parameter> parameters();
}
