package org.nn4j.api;

import java.util.List;
import java.util.Map;

/**
 * Changes parameters in place from their gradients, once per batch, after every layer's backward pass.
 *
 * <p>The model passes its parameters keyed by a stable path such as {@code layers[0].weights}. Any state an
 * optimizer keeps between steps (momentum velocities, Adam's moments and step count) is keyed by those paths, so
 * that {@link #state()} can be saved with the model and {@link #restoreState} can resume training exactly.
 *
 * <p>Plain gradient descent, for example, is:
 * <pre>
 *   for each parameter p:   p.value  ←  p.value − learningRate · p.gradient
 * </pre>
 */
public interface Optimizer {

    /**
     * Applies one update to every parameter.
     *
     * @param parameters the model's parameters by path, in a stable order; their gradients hold this batch's
     *     {@code ∂loss/∂value}
     */
    void update(Map<String, Parameter> parameters);

    /**
     * The optimizer's state, for saving: by convention keys are {@code <slot>/<parameter path>} (such as
     * {@code velocity/layers[0].weights}) and scalars are 1×1 matrices.
     *
     * @return an unmodifiable snapshot (copies, not live matrices); empty for stateless optimizers (the default)
     */
    default Map<String, Matrix> state() {
        return Map.of();
    }

    /**
     * Restores state produced by {@link #state()}.
     *
     * @param state the saved state; copied, not kept
     * @throws IllegalArgumentException if the state has keys or shapes this optimizer does not expect
     */
    default void restoreState(Map<String, Matrix> state) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(describe() + " keeps no state, but was given " + state.keySet());
        }
    }

    /**
     * Declares the state this optimizer keeps for every parameter (its slots, their shapes and valid numbers), so
     * that a saved state can be checked against the model's parameters before {@link #restoreState} runs: the
     * model loader refuses a key that names no declared slot or no parameter, a wrong shape, an invalid number and
     * a missing key. Adam declares {@code m}, {@code v ≥ 0} and the count {@code step}.
     *
     * <p>The default, an empty list, declares nothing: the state is then checked only by {@link #restoreState}
     * (an optimizer whose state is not per parameter, such as a warm-up's own step count, keeps the default).
     *
     * @return the slots of the state, in the order {@link #state()} lists them for one parameter
     */
    default List<StateSlot> stateSlots() {
        return List.of();
    }

    /** @return a short name for messages and summaries; by default the simple class name */
    default String describe() {
        return getClass().getSimpleName();
    }
}
