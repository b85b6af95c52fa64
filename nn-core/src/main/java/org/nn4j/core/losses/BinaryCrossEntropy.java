package org.nn4j.core.losses;

import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;

/**
 * Binary cross-entropy (log loss) for outputs that are probabilities, usually from a sigmoid; every element is
 * an independent yes/no prediction, and targets are 0 or 1 (or any value in {@code [0, 1]}).
 * <pre>
 *   p      = clip(ŷ, ε, 1 − ε)                         ε = 1e-12, so log never sees 0
 *   L(ŷ, y) = −(1 / (n·k)) · Σ [ y·ln(p) + (1 − y)·ln(1 − p) ]          ŷ, y: n×k
 *   ∂L/∂ŷ   = (1 / (n·k)) · (p − y) / (p·(1 − p))     where ŷ is inside [ε, 1 − ε], else 0 (the clip is flat)
 * </pre>
 * With a sigmoid in front, the chain rule turns this into the famous {@code (ŷ − y)/(n·k)} on the logits.
 */
public final class BinaryCrossEntropy implements Loss {

    /** The clipping margin: probabilities are kept in {@code [EPSILON, 1 − EPSILON]}. */
    public static final double EPSILON = 1e-12;

    /** Creates the (stateless) loss. */
    public BinaryCrossEntropy() {
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        predicted.requireSameShape("BinaryCrossEntropy.value: predicted vs target", target);
        double sum = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double p = clip(predicted.getFlat(i));
            double y = target.getFlat(i);
            sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
        }
        return sum / predicted.size();
    }

    @Override
    public Matrix gradient(Matrix predicted, Matrix target) {
        predicted.requireSameShape("BinaryCrossEntropy.gradient: predicted vs target", target);
        double scale = 1.0 / predicted.size();
        return predicted.zip(target, (raw, y) -> {
            double p = clip(raw);
            return p != raw ? 0.0 : scale * (p - y) / (p * (1 - p));
        });
    }

    private static double clip(double p) {
        return Math.max(EPSILON, Math.min(1 - EPSILON, p));
    }

    @Override
    public String describe() {
        return "BinaryCrossEntropy";
    }
}
