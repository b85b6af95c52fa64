package org.nn4j.core.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.StateSlot;

/**
 * Per-parameter matrices of one optimizer, in named slots ({@code velocity}, {@code m}, {@code v}, {@code step}),
 * keyed {@code <slot>/<parameter path>} as {@link org.nn4j.api.Optimizer#state()} asks. Mutable; owned by one
 * optimizer.
 */
final class OptimizerState {

    private final String owner;
    private final Map<String, StateSlot> slots = new LinkedHashMap<>();
    private final Map<String, Matrix> values = new LinkedHashMap<>();

    OptimizerState(String owner, List<StateSlot> slots) {
        this.owner = owner;
        slots.forEach(slot -> this.slots.put(slot.name(), slot));
    }

    /** @return the declared slots, as {@link org.nn4j.api.Optimizer#stateSlots()} returns them */
    List<StateSlot> slots() {
        return List.copyOf(slots.values());
    }

    /**
     * The slot's matrix for a parameter, created as zeros of the given shape on first use.
     *
     * @throws IllegalArgumentException if a restored matrix has another shape than the parameter needs
     */
    Matrix get(String slot, String path, int rows, int cols) {
        String key = slot + "/" + path;
        Matrix m = values.computeIfAbsent(key, k -> Matrix.zeros(rows, cols));
        if (!m.hasShape(rows, cols)) {
            throw new IllegalArgumentException(owner + ": state " + key + " is " + m.shape() + ", but the parameter"
                    + " needs " + rows + "×" + cols);
        }
        return m;
    }

    /** The slot's matrix shaped like the parameter's value. */
    Matrix get(String slot, String path, Parameter p) {
        return get(slot, path, p.value().rows(), p.value().cols());
    }

    Map<String, Matrix> snapshot() {
        Map<String, Matrix> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.copy()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Replaces everything by copies of {@code state}, after checking every key names a known slot, every scalar
     * slot is 1×1 and every number is valid for its slot (the parameters' shapes are checked on the next update,
     * and by the model loader before this).
     */
    void restore(Map<String, Matrix> state) {
        for (Map.Entry<String, Matrix> e : state.entrySet()) {
            String key = e.getKey();
            int slash = key.indexOf('/');
            StateSlot slot = slash > 0 ? slots.get(key.substring(0, slash)) : null;
            if (slot == null || slash == key.length() - 1) {
                throw new IllegalArgumentException(owner + ": unexpected state key \"" + key + "\"; expected "
                        + "<slot>/<parameter path> with slot one of " + new java.util.TreeSet<>(slots.keySet()));
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(owner + ": state " + key + " is null");
            }
            Matrix m = e.getValue();
            try {
                slot.check(key, m, m);     // the parameter is not known here: a scalar slot must be 1×1, no more
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(owner + ": " + invalid.getMessage(), invalid);
            }
        }
        values.clear();
        state.forEach((k, v) -> values.put(k, v.copy()));
    }
}
