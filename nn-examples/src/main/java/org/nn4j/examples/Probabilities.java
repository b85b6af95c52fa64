package org.nn4j.examples;

import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;

/**
 * What the examples show as a model's answer. A classifier trained with {@link SoftmaxCrossEntropy} (the loss on
 * logits, as {@code spirals} and {@code train} build them) outputs logits; the examples show their softmax, the class
 * probabilities. Every other model's output is shown as it is.
 */
public final class Probabilities {

    private Probabilities() {
    }

    /**
     * @param model a trained model
     * @param inputs one sample per row
     * @return {@code softmax(model.predict(inputs))} for a model trained on logits, else {@code model.predict(inputs)}
     */
    public static Matrix of(Sequential model, Matrix inputs) {
        Matrix output = model.predict(inputs);
        return model.loss() instanceof SoftmaxCrossEntropy ? Softmax.probabilities(output) : output;
    }
}
