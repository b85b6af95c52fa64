package org.nn4j.io;

import java.util.List;
import java.util.Map;
import org.nn4j.api.Matrix;

/**
 * A model document as read, before any type is looked up: the structure is checked, the meaning is not yet.
 *
 * @param inputSize the model's input size and where it is
 * @param layers the layers in order
 * @param loss the loss
 * @param optimizer the optimizer
 * @param training the training section, or {@code null}
 */
record RawModel(Placed<Integer> inputSize, List<Typed> layers, Typed loss, Typed optimizer,
        Placed<TrainingState> training) {

    /**
     * A value and where it was read.
     *
     * @param value the value
     * @param where its place
     * @param <T> the value's type
     */
    record Placed<T>(T value, Where where) {
    }

    /**
     * A layer, loss or optimizer object: {@code {"type", "config", "parameters", "state"}}, and for an optimizer
     * {@code "clipNorm"}.
     *
     * @param where the object's place
     * @param type the type name
     * @param config the configuration (empty when absent)
     * @param parameters the named matrices under {@code "parameters"} (layers), in file order
     * @param state the named matrices under {@code "state"} (optimizers), in file order
     * @param clipNorm the optimizer's {@code "clipNorm"} (gradient clipping by global norm), or {@code null}
     */
    record Typed(Where where, Placed<String> type, Placed<Config> config, Map<String, Placed<Matrix>> parameters,
            Map<String, Placed<Matrix>> state, Placed<Double> clipNorm) {
    }
}
