package org.nn4j.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a model calls its inputs and outputs: the feature names, one per input column, and the class labels, one per
 * output column. Either list may be empty (unnamed). They are metadata of the model, not a layer: nothing in
 * training or prediction reads them; the command line uses them to match CSV columns by name and to write the
 * predicted class as {@code setosa} rather than {@code 0}, and nn-io saves them with the model.
 * <pre>
 *   Sequential model = Sequential.builder().input(4) ... .names(ModelNames.of(features, List.of("setosa", …))).build();
 * </pre>
 * Immutable; every name is non-blank and unique within its list.
 *
 * @param features the input columns' names, in column order, or empty
 * @param classes the output columns' labels, in column order, or empty
 */
public record ModelNames(List<String> features, List<String> classes) {

    /** No names at all. */
    public static final ModelNames NONE = new ModelNames(List.of(), List.of());

    /**
     * Copies both lists and checks them.
     *
     * @param features the input columns' names, in column order, or empty
     * @param classes the output columns' labels, in column order, or empty
     * @throws IllegalArgumentException if a name is blank or repeated within its list
     */
    public ModelNames {
        features = checked("feature names", features);
        classes = checked("class labels", classes);
    }

    /**
     * @param features the input columns' names, or empty
     * @param classes the output columns' labels, or empty
     * @return the names
     */
    public static ModelNames of(List<String> features, List<String> classes) {
        return new ModelNames(features, classes);
    }

    /** @return whether neither list holds a name */
    public boolean isEmpty() {
        return features.isEmpty() && classes.isEmpty();
    }

    /**
     * Checks that the names fit a model with these sizes (an empty list fits any).
     *
     * @param inputSize the model's input columns
     * @param outputSize the model's output columns
     * @throws IllegalArgumentException naming the list whose size differs
     */
    void checkFits(int inputSize, int outputSize) {
        if (!features.isEmpty() && features.size() != inputSize) {
            throw new IllegalArgumentException("Sequential: " + features.size() + " feature names for "
                    + inputSize + " input columns");
        }
        if (!classes.isEmpty() && classes.size() != outputSize) {
            throw new IllegalArgumentException("Sequential: " + classes.size() + " class labels for "
                    + outputSize + " output columns");
        }
    }

    private static List<String> checked(String what, List<String> names) {
        List<String> copy = List.copyOf(Objects.requireNonNull(names, what));
        Set<String> seen = new HashSet<>();
        for (String name : copy) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("ModelNames: " + what + " " + copy + " hold a blank name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("ModelNames: " + what + " " + copy + " hold \"" + name
                        + "\" twice");
            }
        }
        return copy;
    }
}
