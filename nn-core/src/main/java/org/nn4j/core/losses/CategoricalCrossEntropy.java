package org.nn4j.core.losses;

import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;

/**
 * Categorical cross-entropy for rows of class probabilities (usually from a {@link Softmax} layer) against
 * one-hot (or any probability) target rows.
 * <pre>
 *   on probabilities (the Loss methods):
 *     L(ŷ, y) = −(1/n) · Σ_i Σ_j y_ij · ln(max(ŷ_ij, ε))              ε = 1e-12        ŷ, y: n×k
 *     ∂L/∂ŷ   = −(1/n) · y_ij / ŷ_ij     where ŷ_ij ≥ ε, else 0 (the clip is flat)
 *
 *   fused with the softmax, on the logits z (valueFromLogits, gradientFromLogits):
 *     L(z, y) = −(1/n) · Σ_i Σ_j y_ij · (z_ij − m_i − ln Σ_k e^(z_ik − m_i))      m_i = max_k z_ik
 *     ∂L/∂z   = (softmax(z) − y) / n                       (for target rows that sum to 1)
 * </pre>
 *
 * <p><b>Why a fused path.</b> Through probabilities, logits of ±1000 give a softmax output of exactly 0 for the
 * true class: the loss only stays finite because of the clip, and its gradient {@code −y/ŷ} meets the softmax's
 * Jacobian {@code ŷ·(…)} as {@code 0 · huge}, so the true gradient {@code ŷ − y = −1} is lost. On the logits the
 * log-sum-exp never overflows and the gradient {@code softmax(z) − y} is exact. So when a {@link
 * org.nn4j.core.model.Sequential}'s last layer is a {@link Softmax} and its loss is this class, training and
 * {@code evaluateLoss} use the fused methods on the softmax's input; {@code predict} still returns probabilities
 * and the model is written the natural way ({@code ... .dense(k).layer(new Softmax())}). We chose this over a
 * "from logits" flag because the model then needs no second, logits-only shape of network and the saved model
 * says what it computes. The probability methods stay exact for any other use and are checked like every loss.
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

    /**
     * The loss of {@code softmax(logits)} against the targets, computed with the log-sum-exp trick: finite for any
     * finite logits.
     *
     * @param logits the softmax's input, {@code n×k}
     * @param target the target probabilities, {@code n×k}
     * @return the mean cross-entropy over the rows
     * @throws IllegalArgumentException if the shapes differ
     */
    public double valueFromLogits(Matrix logits, Matrix target) {
        logits.requireSameShape("CategoricalCrossEntropy.valueFromLogits: logits vs target", target);
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
     * The gradient of {@link #valueFromLogits} with respect to the logits.
     * <pre>
     *   ∂L/∂z_ij = (softmax(z)_ij · Σ_l y_il − y_ij) / n          = (softmax(z) − y) / n  for one-hot rows
     * </pre>
     *
     * @param logits the softmax's input, {@code n×k}
     * @param target the target probabilities, {@code n×k}
     * @return a new {@code n×k} matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix gradientFromLogits(Matrix logits, Matrix target) {
        logits.requireSameShape("CategoricalCrossEntropy.gradientFromLogits: logits vs target", target);
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
        return "CategoricalCrossEntropy";
    }
}
