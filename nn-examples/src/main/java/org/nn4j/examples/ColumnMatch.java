package org.nn4j.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nn4j.api.Matrix;
import org.nn4j.core.data.CsvTable;
import org.nn4j.core.model.Sequential;

/**
 * Lines a CSV file's columns up with what a model expects: by name when the model knows its feature names (any
 * column order), by count otherwise; and keeps the names of an output header distinct.
 */
final class ColumnMatch {

    private ColumnMatch() {
    }

    /**
     * @param model the model
     * @param table the CSV's feature columns
     * @param data what messages call the CSV
     * @param modelFile the model's file, for messages
     * @return the model's input matrix, columns in the model's order
     * @throws IllegalArgumentException naming the missing and extra columns, or the counts for an unnamed model
     */
    static Matrix inputs(Sequential model, CsvTable table, String data, Path modelFile) {
        List<String> expected = model.names().features();
        List<String> found = table.featureNames();
        if (expected.isEmpty()) {
            if (found.size() != model.inputSize()) {
                throw new IllegalArgumentException(data + " has " + found.size() + " feature columns " + found
                        + ", the model in " + modelFile + " expects " + model.inputSize());
            }
            return table.features();
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(found);
        List<String> extra = new ArrayList<>(found);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IllegalArgumentException(data + ": " + (missing.isEmpty() ? "" : "missing column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing))
                    + (missing.isEmpty() || extra.isEmpty() ? "" : "; ")
                    + (extra.isEmpty() ? "" : "extra column" + (extra.size() > 1 ? "s " : " ")
                    + String.join(", ", extra) + " (leave out, or name the label with --label)")
                    + "; the model in " + modelFile + " takes " + String.join(", ", expected));
        }
        Matrix features = table.features();
        Matrix inputs = Matrix.zeros(features.rows(), expected.size());
        for (int c = 0; c < expected.size(); c++) {
            int from = found.indexOf(expected.get(c));
            for (int r = 0; r < features.rows(); r++) {
                inputs.set(r, c, features.get(r, from));
            }
        }
        return inputs;
    }

    /**
     * @param names header names, possibly repeated
     * @return the same names, a later repeat renamed {@code name_2}, {@code name_3}, … so that none repeats
     */
    static List<String> distinct(List<String> names) {
        Set<String> taken = new HashSet<>(names);
        Set<String> used = new HashSet<>();
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            String unique = name;
            for (int k = 2; !used.add(unique); k++) {
                unique = name + "_" + k;
                if (taken.contains(unique)) {
                    unique = name;
                }
            }
            result.add(unique);
        }
        return result;
    }
}
