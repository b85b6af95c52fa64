package org.nn4j.api;

import java.util.Objects;

/**
 * One kind of state an optimizer keeps for every parameter, as {@link Optimizer#stateSlots()} declares it: the
 * slot's name (the part of a state key before the slash, {@code m} in {@code m/layers[0].weights}), the matrix's
 * shape and which numbers are valid in it. Adam, for example, declares
 * <pre>
 *   m      shaped like the parameter    any finite number       (running mean of the gradient)
 *   v      shaped like the parameter    ≥ 0                     (running mean of the squared gradient)
 *   step   1×1                          a whole number ≥ 0      (how many updates so far)
 * </pre>
 * With the declaration, a saved state can be checked before it is restored: every key names a declared slot and
 * an existing parameter, every matrix has the declared shape and valid numbers, and nothing is missing.
 *
 * @param name the slot's name, not blank and without a slash
 * @param scalar {@code true} for one number per parameter (a 1×1 matrix), {@code false} for a matrix shaped like
 *     the parameter
 * @param values the numbers that are valid in the slot
 */
public record StateSlot(String name, boolean scalar, Values values) {

    /** The numbers that are valid in a slot (every number of a state is finite in any case). */
    public enum Values {
        /** Any finite number. */
        ANY,
        /** A finite number ≥ 0, such as a mean of squares. */
        NON_NEGATIVE,
        /** A whole number ≥ 0 (at most 2<sup>53</sup>, where doubles still count exactly), such as a step count. */
        COUNT;

        /**
         * @param value a number of the state
         * @return whether it is valid in a slot of this kind
         */
        public boolean accepts(double value) {
            return switch (this) {
                case ANY -> Double.isFinite(value);
                case NON_NEGATIVE -> value >= 0 && Double.isFinite(value);
                case COUNT -> value >= 0 && value <= 0x1p53 && value == Math.rint(value);
            };
        }

        /** @return what a valid number is, for messages */
        public String describe() {
            return switch (this) {
                case ANY -> "a finite number";
                case NON_NEGATIVE -> "a finite number ≥ 0";
                case COUNT -> "a whole number from 0 to 2^53";
            };
        }
    }

    /**
     * @param name the slot's name, not blank and without a slash
     * @param scalar one number per parameter, or a matrix shaped like it
     * @param values the numbers that are valid
     * @throws IllegalArgumentException if the name is blank or holds a slash
     */
    public StateSlot {
        Objects.requireNonNull(values, "values");
        if (name == null || name.isBlank() || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("StateSlot: name must be non-blank without a slash, got " + name);
        }
    }

    /**
     * @param name the slot's name
     * @param values the numbers that are valid
     * @return a slot holding a matrix shaped like each parameter
     */
    public static StateSlot likeParameter(String name, Values values) {
        return new StateSlot(name, false, values);
    }

    /**
     * @param name the slot's name
     * @param values the numbers that are valid
     * @return a slot holding one number (1×1) for each parameter
     */
    public static StateSlot perParameterScalar(String name, Values values) {
        return new StateSlot(name, true, values);
    }

    /**
     * Checks one saved matrix of this slot.
     *
     * @param key the state key, for the message
     * @param parameter the value of the parameter the key names
     * @param state the saved matrix
     * @throws IllegalArgumentException naming the key, the expected shape or the first invalid number
     */
    public void check(String key, Matrix parameter, Matrix state) {
        int rows = scalar ? 1 : parameter.rows();
        int cols = scalar ? 1 : parameter.cols();
        if (!state.hasShape(rows, cols)) {
            throw new IllegalArgumentException("state " + key + ": expected " + rows + "×" + cols
                    + (scalar ? "" : " (the parameter's shape)") + ", found " + state.shape());
        }
        for (int i = 0; i < state.size(); i++) {
            double v = state.getFlat(i);
            if (!values.accepts(v)) {
                throw new IllegalArgumentException("state " + key + ": expected " + values.describe() + ", found "
                        + v + " at [" + i / cols + "][" + i % cols + "]");
            }
        }
    }
}
