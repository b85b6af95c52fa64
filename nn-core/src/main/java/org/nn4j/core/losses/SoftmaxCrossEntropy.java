package org.nn4j.core.losses;

import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;

/**
 * Cross-entropy of the softmax of the logits against target probabilities: the loss for classifiers, taken on the
 * last {@code Dense} layer's raw output {@code z} (the logits), as PyTorch's {@code CrossEntropyLoss} and Keras'
 * {@code CategoricalCrossentropy(from_logits=True)} do.
 * <pre>
 *   L(z, y) = −(1/n) · Σ_i Σ_j y_ij · (z_ij − m_i − ln Σ_k e^(z_ik − m_i))      m_i = max_k z_ik      z, y: n×k
 *   ∂L/∂z   = (softmax(z) − y) / n                                             for target rows that sum to 1
 * </pre>
 * The log-sum-exp never overflows and the gradient {@code softmax(z) − y} is exact, where a {@link Softmax} layer
 * followed by {@link CategoricalCrossEntropy} loses it for very confident wrong answers. The price is that the
 * model's {@code predict} returns logits: apply {@link Softmax#probabilities} to read them as probabilities (the
 * largest logit is the predicted class either way).
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** Creates the (stateless) loss. */
    public SoftmaxCrossEntropy() {
    }

    /**
     * The loss of {@code softmax(logits)} against the targets, computed with the log-sum-exp trick: finite for any
     * finite logits.
     *
     * @param logits the softmax's input, {@code n×k}
     * @param target the target probabilities, {@code n×k}
     * @return the mean cross-entropy over the rows
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    public double value(Matrix logits, Matrix target) {
        logits.requireSameShape("SoftmaxCrossEntropy.value: logits vs target", target);
        int k = logits.cols();
        double sum = 0;
        for (int i = 0; i < logits.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.get(i, j));
            }
            double sumExp = 0;
            for (int j = 0; j < k; j++) {
                sumExp += Math.exp(logits.get(i, j) - max);
            }
            double logSumExp = max + Math.log(sumExp);
            for (int j = 0; j < k; j++) {
                double y = target.get(i, j);
                if (y != 0) {
                    sum -= y * (logits.get(i, j) - logSumExp);
                }
            }
        }
        return sum / logits.rows();
    }

    /**
     * The gradient of {@link #value value} with respect to the logits.
     * <pre>
     *   ∂L/∂z_ij = (softmax(z)_ij · Σ_l y_il − y_ij) / n          = (softmax(z) − y) / n  for one-hot rows
     * </pre>
     *
     * @param logits the softmax's input, {@code n×k}
     * @param target the target probabilities, {@code n×k}
     * @return a new {@code n×k} matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    @Override
    public Matrix gradient(Matrix logits, Matrix target) {
        logits.requireSameShape("SoftmaxCrossEntropy.gradient: logits vs target", target);
        Matrix p = Softmax.probabilities(logits);
        Matrix rowSums = target.sumRows();
        double scale = 1.0 / logits.rows();
        for (int i = 0; i < p.rows(); i++) {
            double mass = rowSums.get(i, 0);
            for (int j = 0; j < p.cols(); j++) {
                p.set(i, j, scale * (p.get(i, j) * mass - target.get(i, j)));
            }
        }
        return p;
    }

    @Override
    public String describe() {
        return "SoftmaxCrossEntropy";
    }
}
