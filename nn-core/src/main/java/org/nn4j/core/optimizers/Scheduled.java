package org.nn4j.core.optimizers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;

/**
 * A learning-rate schedule around any optimizer: every step the wrapped optimizer takes is multiplied by the
 * schedule's factor for the current epoch, which for {@link Sgd} and {@link Adam} is exactly training with the
 * learning rate {@code η·factor(epoch)}.
 * <pre>
 *   epoch  = ⌊t / stepsPerEpoch⌋                 t = the parameter's updates so far (state "scheduleStep")
 *   p₀     = p                                   the value before the step
 *   optimizer.update(parameters)                 p₁ = p₀ + Δ,   for Sgd Δ = −η·g,  for Adam Δ = −η·m̂/(√v̂ + ε)
 *   p      ← p₀ + factor(epoch) · (p₁ − p₀)      so the step is factor·Δ     (p₁ itself when the factor is 1)
 *   t      ← t + 1
 * </pre>
 * For {@link Momentum} it scales each step {@code p ← p + v} rather than the rate inside the velocity, as
 * PyTorch's schedulers do with its {@code p ← p − lr·buf}. The optimizer never learns the epoch (its contract
 * has no such argument): this wrapper counts updates, so give it {@code stepsPerEpoch}, the batches in one epoch
 * ({@code ⌈samples / batchSize⌉}). The counts are state ({@code scheduleStep/<parameter path>}, 1×1), saved with
 * the wrapped optimizer's, so a run resumed from a checkpoint continues on the same rate, bit for bit. nn-io saves
 * it as {@code "scheduled"} (built-in schedules only) with the wrapped optimizer nested in it.
 */
public final class Scheduled implements Optimizer {

    /** The state slot of each parameter's update count (1×1). */
    public static final String STEP = "scheduleStep";

    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final int stepsPerEpoch;
    private final OptimizerState state;

    /**
     * @param optimizer the optimizer whose steps are scaled
     * @param schedule the factor of each epoch
     * @param stepsPerEpoch the updates (batches) in one epoch, at least 1
     * @throws IllegalArgumentException if {@code stepsPerEpoch} is not positive
     */
    public Scheduled(Optimizer optimizer, LearningRateSchedule schedule, int stepsPerEpoch) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        if (stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("Scheduled: stepsPerEpoch must be at least 1, got " + stepsPerEpoch);
        }
        this.stepsPerEpoch = stepsPerEpoch;
        this.state = new OptimizerState("Scheduled", Set.of(STEP));
    }

    @Override
    public void update(Map<String, Parameter> parameters) {
        Map<String, Matrix> before = new HashMap<>();
        Map<String, Double> factors = new HashMap<>();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Matrix step = state.get(STEP, e.getKey(), 1, 1);
            int epoch = (int) (step.get(0, 0) / stepsPerEpoch);
            factors.put(e.getKey(), factor(epoch));
            before.put(e.getKey(), e.getValue().value().copy());                    // p₀
        }
        optimizer.update(parameters);                                               // p₁ = p₀ + Δ
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            double factor = factors.get(e.getKey());
            if (factor != 1) {
                Matrix p = e.getValue().value();
                Matrix p0 = before.get(e.getKey());
                p.copyFromInPlace(p0.plus(p.minus(p0).scale(factor)));              // p₀ + factor·(p₁ − p₀)
            }
            Matrix step = state.get(STEP, e.getKey(), 1, 1);
            step.set(0, 0, step.get(0, 0) + 1);
        }
    }

    private double factor(int epoch) {
        double factor = schedule.factor(epoch);
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalStateException("Scheduled: " + schedule + " gave factor " + factor + " for epoch "
                    + epoch + "; factors must be positive and finite");
        }
        return factor;
    }

    /**
     * The learning-rate factor of the next update of a parameter.
     *
     * @param path the parameter's path, such as {@code layers[0].weights}
     * @return the schedule's factor for the epoch that update falls in
     */
    public double currentFactor(String path) {
        Matrix step = state.snapshot().get(STEP + "/" + path);
        return factor(step == null ? 0 : (int) (step.get(0, 0) / stepsPerEpoch));
    }

    /** @return the update counts ({@code scheduleStep/<path>}) and the wrapped optimizer's state, as copies */
    @Override
    public Map<String, Matrix> state() {
        Map<String, Matrix> all = new LinkedHashMap<>(optimizer.state());
        all.putAll(state.snapshot());
        return java.util.Collections.unmodifiableMap(all);
    }

    /** {@inheritDoc} Keys of the slot {@code scheduleStep} are this wrapper's; the rest go to the wrapped optimizer. */
    @Override
    public void restoreState(Map<String, Matrix> saved) {
        Map<String, Matrix> own = new LinkedHashMap<>();
        Map<String, Matrix> wrapped = new LinkedHashMap<>();
        saved.forEach((key, value) -> (key.startsWith(STEP + "/") ? own : wrapped).put(key, value));
        for (Map.Entry<String, Matrix> e : own.entrySet()) {
            Matrix m = e.getValue();
            if (e.getKey().length() == STEP.length() + 1 || m == null || !m.hasShape(1, 1) || !(m.get(0, 0) >= 0) || m.get(0, 0) != Math.rint(m.get(0, 0))
                    || m.get(0, 0) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Scheduled: state " + e.getKey() + " must be a 1×1 count of"
                        + " updates (a whole number ≥ 0), got " + (m == null ? "null" : m.toString()));
            }
        }
        optimizer.restoreState(wrapped);
        state.restore(own);
    }

    /** @return the optimizer whose steps are scaled */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the schedule */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return the updates in one epoch */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public String describe() {
        return "Scheduled(" + schedule + ", stepsPerEpoch=" + stepsPerEpoch + ", " + optimizer.describe() + ")";
    }
}
