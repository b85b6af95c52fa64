package org.nn4j.core.losses;

import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;

/**
 * Categorical cross-entropy for rows of class probabilities (from a {@link Softmax} layer) against one-hot (or any
 * probability) target rows.
 * <pre>
 *   L(ŷ, y) = −(1/n) · Σ_i Σ_j y_ij · ln(max(ŷ_ij, ε))              ε = 1e-12        ŷ, y: n×k
 *   ∂L/∂ŷ   = −(1/n) · y_ij / ŷ_ij     where ŷ_ij ≥ ε, else 0 (the clip is flat)
 * </pre>
 * A model that ends in {@code Softmax} and trains with this loss predicts probabilities. Through probabilities,
 * though, very confident wrong logits (±1000) give a probability of exactly 0 for the true class: the loss only
 * stays finite because of the clip, and the gradient is lost. For training, prefer a model that ends in its last
 * {@code Dense} layer with {@link SoftmaxCrossEntropy}, the same loss taken on the logits, which is exact for any
 * finite logits (PyTorch's {@code CrossEntropyLoss}, Keras' {@code from_logits=True}).
 */
public final class CategoricalCrossEntropy implements Loss {

    /** The clipping floor for probabilities in {@link #value} and {@link #gradient}. */
    public static final double EPSILON = 1e-12;

    /** Creates the (stateless) loss. */
    public CategoricalCrossEntropy() {
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        predicted.requireSameShape("CategoricalCrossEntropy.value: predicted vs target", target);
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double y = target.getFlat(i);
            if (y != 0) {
                sum -= y * Math.log(Math.max(predicted.getFlat(i), EPSILON));
            }
        }
        return sum / predicted.rows();
    }

    @Override
    public Matrix gradient(Matrix predicted, Matrix target) {
        predicted.requireSameShape("CategoricalCrossEntropy.gradient: predicted vs target", target);
        double scale = -1.0 / predicted.rows();
        return predicted.zip(target, (p, y) -> p < EPSILON ? 0.0 : scale * y / p);
    }

    @Override
    public String describe() {
        return "CategoricalCrossEntropy";
    }
}
