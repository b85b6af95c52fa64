package org.nn4j.core.optimizers;

import java.util.Map;
import java.util.Objects;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * L2 weight decay around any optimizer: every parameter's gradient gets {@code λ·p} added before the wrapped
 * optimizer sees it, which is the gradient of the penalty {@code λ/2 · Σ p²}, so large weights shrink a little on
 * every step.
 * <pre>
 *   g ← g + λ·p                      for every parameter p (weights, biases, batch normalisation's γ and β)
 *   then:  optimizer.update(parameters)
 *
 *   with Sgd:   p ← p − η·(g + λ·p) = (1 − η·λ)·p − η·g       the weights "decay" by a factor each step
 * </pre>
 * This is PyTorch's {@code weight_decay=λ} argument of {@code SGD} and {@code Adam} (the coupled form; AdamW's
 * decoupled decay is different), applied, as there, to every parameter the optimizer is given. It adds nothing to
 * the loss the trainer reports. The gradients are changed in place; the state is the wrapped optimizer's,
 * unchanged, so saving and resuming work as without decay: nn-io saves it as {@code "weight-decay"} with the wrapped
 * optimizer nested in it.
 */
public final class WeightDecay implements Optimizer {

    private final Optimizer optimizer;
    private final double rate;

    /**
     * @param optimizer the optimizer that applies the decayed gradients
     * @param rate the decay λ, positive and finite (typical values 1e-5 to 1e-3)
     * @throws IllegalArgumentException if the rate is not positive and finite
     */
    public WeightDecay(Optimizer optimizer, double rate) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("WeightDecay: rate must be positive and finite, got " + rate);
        }
        this.rate = rate;
    }

    @Override
    public void update(Map<String, Parameter> parameters) {
        for (Parameter p : parameters.values()) {
            Matrix g = p.gradient();
            g.addScaledInPlace(rate, p.value());                                // g ← g + λ·p
        }
        optimizer.update(parameters);
    }

    @Override
    public Map<String, Matrix> state() {
        return optimizer.state();
    }

    @Override
    public void restoreState(Map<String, Matrix> state) {
        optimizer.restoreState(state);
    }

    /** @return the optimizer that applies the decayed gradients */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the decay λ */
    public double rate() {
        return rate;
    }

    @Override
    public String describe() {
        return "WeightDecay(rate=" + rate + ", " + optimizer.describe() + ")";
    }
}
