package org.nn4j.core.losses;

import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;

/**
 * Mean squared error over every element of the batch.
 * <pre>
 *   L(ŷ, y)  = (1 / (n·k)) · Σ (ŷ − y)²          ŷ, y: n×k
 *   ∂L/∂ŷ    = 2 · (ŷ − y) / (n·k)
 * </pre>
 * The value is what the blog prints ({@code np.mean(np.square(y - output))}). The blog's update, however, follows
 * the gradient of {@code ½·Σ(y − ŷ)²}, which is {@code n·k/2} times larger than this honest one; so the blog's
 * learning rate 0.1 on its 4×1 targets is this loss with learning rate {@code 0.1 · 4/2 = 0.2}.
 */
public final class MeanSquaredError implements Loss {

    /** Creates the (stateless) loss. */
    public MeanSquaredError() {
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        predicted.requireSameShape("MeanSquaredError.value: predicted vs target", target);
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double d = target.getFlat(i) - predicted.getFlat(i);
            sum += d * d;
        }
        return sum / predicted.size();
    }

    /** {@inheritDoc} {@code 2·(ŷ − y) / (n·k)}. */
    @Override
    public Matrix gradient(Matrix predicted, Matrix target) {
        predicted.requireSameShape("MeanSquaredError.gradient: predicted vs target", target);
        return predicted.minus(target).scale(2.0 / predicted.size());
    }

    @Override
    public String describe() {
        return "MeanSquaredError";
    }
}
