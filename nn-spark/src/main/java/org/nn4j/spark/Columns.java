package org.nn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** Finding a model's columns in a {@code DataFrame} by name, and reading a row's numbers. */
final class Columns {

    private Columns() {
    }

    /**
     * @param schema the data's columns
     * @param names the columns wanted, in order
     * @param what what they are, for messages ("feature", "target")
     * @return each wanted column's position in the schema
     * @throws IllegalArgumentException naming a missing column and the columns there are
     */
    static int[] find(StructType schema, List<String> names, String what) {
        List<String> present = Arrays.asList(schema.fieldNames());
        int[] at = new int[names.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = present.indexOf(names.get(i));
            if (at[i] < 0) {
                throw new IllegalArgumentException("nn-spark: the data has no " + what + " column \"" + names.get(i)
                        + "\"; its columns are " + present);
            }
        }
        return at;
    }

    /**
     * Reads numeric columns of a row as doubles.
     *
     * @param row the row
     * @param at the columns' positions
     * @param names their names, for messages
     * @param into where the numbers go
     * @param offset where in {@code into} the first goes
     * @throws IllegalArgumentException if a value is null, not a number, NaN or infinite
     */
    static void read(Row row, int[] at, List<String> names, double[] into, int offset) {
        for (int i = 0; i < at.length; i++) {
            Object value = row.get(at[i]);
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("nn-spark: column \"" + names.get(i) + "\" holds "
                        + (value == null ? "null" : "a " + value.getClass().getSimpleName() + " (" + value + ")")
                        + " in the row with values " + row + "; every feature must be a number");
            }
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("nn-spark: column \"" + names.get(i) + "\" holds " + v
                        + " in the row with values " + row + "; every feature must be a finite number");
            }
            into[offset + i] = v;
        }
    }

    /** @return the names of the model's outputs as the {@code predict} command writes them */
    static List<String> outputNames(int outputs, List<String> classes) {
        List<String> names = new ArrayList<>();
        if (outputs == 1) {
            names.add("output");
            return names;
        }
        for (int k = 0; k < outputs; k++) {
            names.add(classes.size() == outputs ? "p_" + classes.get(k) : "output_" + k);
        }
        return names;
    }
}
