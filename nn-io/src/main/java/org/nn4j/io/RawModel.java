package org.nn4j.io;

import java.util.List;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;

/**
 * A model document as read, before any type is looked up: the structure is checked, the meaning is not yet.
 * A version-1 document is read into the same form as a version-2 one (its {@code "clipNorm"} becomes a
 * {@code clip-by-global-norm} wrapper), so the assembler knows one form only.
 *
 * @param inputShape the shape of one input sample ({@code "inputSize"} or {@code "inputShape"}) and where it is
 * @param featureNames the {@code "featureNames"} as read, or {@code null}
 * @param classLabels the {@code "classLabels"} as read, or {@code null}
 * @param layers the layers in order
 * @param loss the loss
 * @param optimizer the optimizer
 * @param training the training section, or {@code null}
 */
record RawModel(Placed<Shape> inputShape, Placed<List<String>> featureNames, Placed<List<String>> classLabels,
        List<Typed> layers, Typed loss, Typed optimizer,
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
     * A layer, loss or optimizer object: {@code {"type", "config", "parameters", "state", "optimizer"}}.
     *
     * @param where the object's place
     * @param type the type name
     * @param config the configuration (empty when absent)
     * @param parameters the named matrices under {@code "parameters"} (layers), in file order
     * @param state the named matrices under {@code "state"} (a layer's state, the outermost optimizer's state), in
     *     file order
     * @param wrapped the nested {@code "optimizer"} object of an optimizer that wraps another, or {@code null}
     */
    record Typed(Where where, Placed<String> type, Placed<Config> config, Map<String, Placed<Matrix>> parameters,
            Map<String, Placed<Matrix>> state, Typed wrapped) {
    }
}
