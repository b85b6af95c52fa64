package org.nn4j.core.optimizers;

import java.util.Map;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.StateSlot;

/**
 * Adam: momentum on the gradient and a per-element step size from the running size of the gradient, with both
 * running averages corrected for starting at zero. From Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization" (ICLR 2015), Algorithm 1.
 * <pre>
 *   t ← t + 1
 *   m ← β₁·m + (1 − β₁)·g                      first moment (mean of g)
 *   v ← β₂·v + (1 − β₂)·g²                     second moment (mean of g², element-wise)
 *   m̂ = m / (1 − β₁^t)                         bias corrections: m and v start at 0,
 *   v̂ = v / (1 − β₂^t)                         so early averages are too small by these factors
 *   p ← p − η · m̂ / (√v̂ + ε)
 *
 *   g = ∂L/∂p, η = learningRate; defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8
 * </pre>
 * On the first step {@code m̂ = g} and {@code v̂ = g²}, so every element moves by about {@code η} whatever the
 * gradient's scale.
 *
 * <p>State, per parameter: {@code m/<path>}, {@code v/<path>} (shaped like the parameter) and the step count
 * {@code t} as the 1×1 matrix {@code step/<path>}.
 */
public final class Adam implements Optimizer {

    /** The state slot of the first moments. */
    public static final String M = "m";
    /** The state slot of the second moments. */
    public static final String V = "v";
    /** The state slot of the step counts (1×1). */
    public static final String STEP = "step";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final OptimizerState state;

    /**
     * Adam with the paper's defaults {@code β₁ = 0.9, β₂ = 0.999, ε = 1e-8}.
     *
     * @param learningRate the step size η, positive and finite (the paper suggests 0.001)
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * @param learningRate the step size η, positive and finite
     * @param beta1 decay of the first moment, in {@code [0, 1)}
     * @param beta2 decay of the second moment, in {@code [0, 1)}
     * @param epsilon added to {@code √v̂} so the step never divides by zero, positive and finite
     * @throws IllegalArgumentException if a value is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Adam: learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam: beta1 and beta2 must be in [0, 1), got " + beta1 + " and "
                    + beta2);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Adam: epsilon must be positive and finite, got " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.state = new OptimizerState(describe(), List.of(StateSlot.likeParameter(M, StateSlot.Values.ANY),
                StateSlot.likeParameter(V, StateSlot.Values.NON_NEGATIVE),
                StateSlot.perParameterScalar(STEP, StateSlot.Values.COUNT)));
    }

    @Override
    public void update(Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            String path = e.getKey();
            Parameter p = e.getValue();
            Matrix m = state.get(M, path, p);
            Matrix v = state.get(V, path, p);
            Matrix step = state.get(STEP, path, 1, 1);
            double t = step.get(0, 0) + 1;
            step.set(0, 0, t);
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            Matrix g = p.gradient();
            Matrix value = p.value();
            for (int i = 0; i < value.size(); i++) {
                double gi = g.getFlat(i);
                double mi = beta1 * m.getFlat(i) + (1 - beta1) * gi;
                double vi = beta2 * v.getFlat(i) + (1 - beta2) * gi * gi;
                m.setFlat(i, mi);
                v.setFlat(i, vi);
                double mHat = mi / correction1;
                double vHat = vi / correction2;
                value.setFlat(i, value.getFlat(i) - learningRate * mHat / (Math.sqrt(vHat) + epsilon));
            }
        }
    }

    @Override
    public Map<String, Matrix> state() {
        return state.snapshot();
    }

    @Override
    public void restoreState(Map<String, Matrix> saved) {
        state.restore(saved);
    }

    @Override
    public List<StateSlot> stateSlots() {
        return state.slots();
    }

    /** @return the step size η */
    public double learningRate() {
        return learningRate;
    }

    /** @return the first-moment decay β₁ */
    public double beta1() {
        return beta1;
    }

    /** @return the second-moment decay β₂ */
    public double beta2() {
        return beta2;
    }

    /** @return the constant ε added to the denominator */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String describe() {
        return "Adam(learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon="
                + epsilon + ")";
    }
}
