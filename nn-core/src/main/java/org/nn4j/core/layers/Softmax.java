package org.nn4j.core.layers;

import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;

/**
 * Turns each row of scores (logits) into probabilities that are positive and sum to 1. It is a layer, not an
 * element-wise activation: every output of a row depends on every input of that row.
 * <pre>
 *   forward:   y_ij = e^(z_ij − m_i) / Σ_k e^(z_ik − m_i)        m_i = max_k z_ik      z, y: n×k
 *   backward:  ∂L/∂z_ij = Σ_l ∂L/∂y_il · ∂y_il/∂z_ij,   with ∂y_il/∂z_ij = y_il · ([l = j] − y_ij)
 *                       = y_ij · (g_ij − Σ_l g_il · y_il)                   g = ∂L/∂y (the outputGradient)
 * </pre>
 * Subtracting the row maximum {@code m_i} changes nothing mathematically (it cancels between numerator and
 * denominator) but keeps every exponent at most 0, so logits of ±1000 give exact 0s and 1s instead of NaN.
 *
 * <p>The backward pass is the full Jacobian-vector product written out above, so this layer works with any loss.
 * To train a classifier, prefer ending the model in its last {@code Dense} layer with
 * {@link org.nn4j.core.losses.SoftmaxCrossEntropy}, the loss on the logits, whose gradient
 * {@code (softmax(z) − target) / n} stays exact where this layer's probabilities round to 0 or 1;
 * {@link #probabilities} turns such a model's logits into probabilities.
 */
public final class Softmax implements Layer {

    /** Creates the (parameter-free) softmax layer. */
    public Softmax() {
    }

    @Override
    public Matrix forward(Matrix input) {
        return probabilities(input);
    }

    /**
     * The row-wise softmax of a matrix of logits, computed stably (see the class javadoc).
     *
     * @param logits scores, {@code n×k}
     * @return a new {@code n×k} matrix whose rows are probabilities
     */
    public static Matrix probabilities(Matrix logits) {
        int k = logits.cols();
        Matrix result = Matrix.zeros(logits.rows(), k);
        for (int i = 0; i < logits.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(logits.get(i, j) - max);
                result.set(i, j, e);
                sum += e;
            }
            for (int j = 0; j < k; j++) {
                result.set(i, j, result.get(i, j) / sum);
            }
        }
        return result;
    }

    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        if (!input.sameShape(output) || !input.sameShape(outputGradient)) {
            throw new IllegalArgumentException("Softmax.backward: input " + input.shape() + ", output "
                    + output.shape() + " and outputGradient " + outputGradient.shape() + " must have one shape");
        }
        int k = output.cols();
        Matrix result = Matrix.zeros(output.rows(), k);
        for (int i = 0; i < output.rows(); i++) {
            double dot = 0;   // Σ_l g_il · y_il
            for (int l = 0; l < k; l++) {
                dot += outputGradient.get(i, l) * output.get(i, l);
            }
            for (int j = 0; j < k; j++) {
                result.set(i, j, output.get(i, j) * (outputGradient.get(i, j) - dot));
            }
        }
        return result;
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("Softmax: input size must be positive, got " + inputSize);
        }
        return inputSize;
    }

    @Override
    public String describe() {
        return "Softmax";
    }

    @Override
    public String toString() {
        return describe();
    }
}
