package org.nn4j.core.optimizers;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.StateSlot;

/**
 * Gradient clipping by global norm, around any optimizer: when the gradients of all parameters together are
 * longer than {@code maxNorm}, they are scaled down to that length before the wrapped optimizer sees them, so one
 * exploding batch cannot throw the weights far away. The gradients' direction is kept.
 * <pre>
 *   norm = √( Σ over parameters p  Σ over elements  g² )        g = ∂L/∂p, all parameters together
 *   if norm &gt; maxNorm:   g ← g · maxNorm / norm                  for every parameter
 *   then:                 optimizer.update(parameters)            (Sgd, Momentum, Adam, ...)
 * </pre>
 * From Pascanu, Mikolov and Bengio, "On the difficulty of training recurrent neural networks" (ICML 2013); the
 * same rule as PyTorch's {@code clip_grad_norm_} and TensorFlow's {@code clip_by_global_norm}.
 *
 * <p>Clipping is optional and per optimizer: wrap the optimizer you train with,
 * {@code .optimizer(new ClipByGlobalNorm(new Sgd(0.1), 1.0))}. The gradients are scaled in place (listeners that
 * read them after the update see the clipped values). A non-finite norm (a NaN or infinite gradient) is passed on
 * unscaled: clipping cannot repair it, and a {@code StopOnNaN} listener should see it. The state is the wrapped
 * optimizer's state, unchanged, so saving and resuming work exactly as without clipping: nn-io saves the clip as
 * an optimizer type that wraps another ({@code "clip-by-global-norm"}, the wrapped optimizer nested in it).
 */
public final class ClipByGlobalNorm implements Optimizer {

    private final Optimizer optimizer;
    private final double maxNorm;

    /**
     * @param optimizer the optimizer that applies the (clipped) gradients
     * @param maxNorm the largest global gradient norm passed on, positive and finite
     * @throws IllegalArgumentException if {@code maxNorm} is not positive and finite
     */
    public ClipByGlobalNorm(Optimizer optimizer, double maxNorm) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("ClipByGlobalNorm: maxNorm must be positive and finite, got "
                    + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * The length of all gradients taken together as one vector.
     *
     * @param parameters the parameters whose gradients count
     * @return {@code √(Σ g²)} over every element of every gradient
     */
    public static double globalNorm(Map<String, Parameter> parameters) {
        double sumOfSquares = 0;
        for (Parameter p : parameters.values()) {
            Matrix g = p.gradient();
            for (int i = 0; i < g.size(); i++) {
                double gi = g.getFlat(i);
                sumOfSquares += gi * gi;
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    @Override
    public void update(Map<String, Parameter> parameters) {
        double norm = globalNorm(parameters);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double factor = maxNorm / norm;
            for (Parameter p : parameters.values()) {
                p.gradient().scaleInPlace(factor);
            }
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

    /** @return the wrapped optimizer's slots: the clip keeps no state of its own */
    @Override
    public List<StateSlot> stateSlots() {
        return optimizer.stateSlots();
    }

    /** @return the optimizer that applies the clipped gradients */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the largest global gradient norm passed on */
    public double maxNorm() {
        return maxNorm;
    }

    @Override
    public String describe() {
        return "ClipByGlobalNorm(maxNorm=" + maxNorm + ", " + optimizer.describe() + ")";
    }
}
