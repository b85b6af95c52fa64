package org.nn4j.core.data;

import java.util.Objects;
import org.nn4j.api.Matrix;

/**
 * Rows of inputs and targets that training draws its batches from, one batch at a time: the trainer asks for the
 * rows of each batch and never for the whole set, so the samples may be kept in a smaller form (such as the
 * images' bytes in {@link LabelledImages}) until a batch needs them as a {@link Matrix}.
 *
 * <p>Every call with the same rows returns the same values, and every value is finite.
 */
public interface Samples {

    /** @return the number of samples */
    int rows();

    /** @return the columns of every input row */
    int inputColumns();

    /** @return the columns of every target row */
    int targetColumns();

    /**
     * @param rows the samples to take, in this order (each in {@code [0, rows())})
     * @return their inputs, {@code rows.length × inputColumns()}, a new matrix the caller may keep
     */
    Matrix inputs(int[] rows);

    /**
     * @param rows the samples to take, in this order (each in {@code [0, rows())})
     * @return their targets, {@code rows.length × targetColumns()}, a new matrix the caller may keep
     */
    Matrix targets(int[] rows);

    /**
     * @param from the first sample, inclusive
     * @param to the last sample, exclusive
     * @return the samples {@code from … to − 1} as a view (nothing is copied)
     * @throws IllegalArgumentException if the range is empty or outside {@code [0, rows())}
     */
    default Samples range(int from, int to) {
        if (from < 0 || to > rows() || from >= to) {
            throw new IllegalArgumentException("Samples.range: [" + from + ", " + to + ") is not a non-empty range"
                    + " of the " + rows() + " samples");
        }
        Samples all = this;
        return new Samples() {
            @Override public int rows() { return to - from; }
            @Override public int inputColumns() { return all.inputColumns(); }
            @Override public int targetColumns() { return all.targetColumns(); }
            @Override public Matrix inputs(int[] rows) { return all.inputs(shift(rows, from)); }
            @Override public Matrix targets(int[] rows) { return all.targets(shift(rows, from)); }
        };
    }

    /**
     * Samples held as two matrices (what {@code Sequential.fit(inputs, targets, config)} trains on).
     *
     * @param inputs one sample per row
     * @param targets one target per row
     * @return the rows of both, selected with {@link Matrix#selectRows}
     * @throws IllegalArgumentException if the row counts differ
     */
    static Samples of(Matrix inputs, Matrix targets) {
        Dataset checked = new Dataset(inputs, targets);
        return new Samples() {
            @Override public int rows() { return checked.rows(); }
            @Override public int inputColumns() { return inputs.cols(); }
            @Override public int targetColumns() { return targets.cols(); }
            @Override public Matrix inputs(int[] rows) { return inputs.selectRows(rows); }
            @Override public Matrix targets(int[] rows) { return targets.selectRows(rows); }
        };
    }

    /** @return {@code rows}, each plus {@code offset} */
    private static int[] shift(int[] rows, int offset) {
        Objects.requireNonNull(rows, "rows");
        int[] shifted = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            shifted[i] = rows[i] + offset;
        }
        return shifted;
    }
}
