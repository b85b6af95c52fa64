package org.nn4j.core.optimizers;

import java.util.Map;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.StateSlot;

/**
 * Stochastic gradient descent with momentum: each step keeps going in the direction of the last ones, so it rolls
 * through small bumps and speeds up along long, shallow valleys.
 * <pre>
 *   classical (Polyak):    v ← μ·v − η·g
 *                          p ← p + v
 *
 *   Nesterov:              v ← μ·v − η·g
 *                          p ← p + μ·v − η·g        (looks ahead: the step it would take after this one)
 *
 *   g = ∂L/∂p,  η = learningRate,  μ = momentum,  v = the velocity, zero before the first step
 * </pre>
 * The Nesterov form is the one of Sutskever, Martens, Dahl and Hinton, "On the importance of initialization and
 * momentum in deep learning" (2013), rewritten so the gradient is taken at the current parameters.
 * With {@code μ = 0} both are plain {@link Sgd}.
 *
 * <p>State: one velocity per parameter, saved as {@code velocity/<parameter path>}.
 */
public final class Momentum implements Optimizer {

    /** The state slot holding each parameter's velocity. */
    public static final String VELOCITY = "velocity";

    private final double learningRate;
    private final double momentum;
    private final boolean nesterov;
    private final OptimizerState state;

    /**
     * @param learningRate the step size η, positive and finite
     * @param momentum the fraction μ of the velocity kept each step, in {@code [0, 1)}
     * @param nesterov {@code true} for Nesterov momentum, {@code false} for classical momentum
     * @throws IllegalArgumentException if a value is out of range
     */
    public Momentum(double learningRate, double momentum, boolean nesterov) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Momentum: learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Momentum: momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.state = new OptimizerState(describe(),
                List.of(StateSlot.likeParameter(VELOCITY, StateSlot.Values.ANY)));
    }

    /**
     * Classical momentum.
     *
     * @param learningRate the step size η
     * @param momentum the fraction μ kept each step, in {@code [0, 1)}
     * @return the optimizer
     */
    public static Momentum classical(double learningRate, double momentum) {
        return new Momentum(learningRate, momentum, false);
    }

    /**
     * Nesterov momentum.
     *
     * @param learningRate the step size η
     * @param momentum the fraction μ kept each step, in {@code [0, 1)}
     * @return the optimizer
     */
    public static Momentum nesterov(double learningRate, double momentum) {
        return new Momentum(learningRate, momentum, true);
    }

    @Override
    public void update(Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Parameter p = e.getValue();
            Matrix v = state.get(VELOCITY, e.getKey(), p);
            Matrix g = p.gradient();
            v.scaleInPlace(momentum).addScaledInPlace(-learningRate, g);     // v ← μ·v − η·g
            if (nesterov) {
                p.value().addScaledInPlace(momentum, v).addScaledInPlace(-learningRate, g);
            } else {
                p.value().addInPlace(v);
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

    /** @return the momentum μ */
    public double momentum() {
        return momentum;
    }

    /** @return whether this is Nesterov momentum */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public String describe() {
        return "Momentum(learningRate=" + learningRate + ", momentum=" + momentum + ", nesterov=" + nesterov + ")";
    }
}
