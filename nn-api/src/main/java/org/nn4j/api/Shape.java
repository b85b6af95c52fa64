package org.nn4j.api;

import java.util.Arrays;

/**
 * The shape of one sample: {@code [2]} for the blog's two inputs, {@code [1, 28, 28]} for a grey 28×28 image
 * ({@code channels×height×width}). A batch is still a {@link Matrix} with one sample per row; a sample with more
 * than one axis lies flat in its row, the last axis fastest (channel by channel, each channel row by row), and
 * its shape says how to read it. {@link #size()} is the number of columns.
 *
 * <p>Immutable.
 */
public final class Shape {

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * A shape from its axes.
     *
     * @param dims the size of each axis, at least one axis, each positive
     * @return the shape
     * @throws IllegalArgumentException if there are no axes, an axis is not positive, or the size overflows
     */
    public static Shape of(int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("Shape: needs at least one axis");
        }
        long size = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("Shape: axes must be positive, got " + Arrays.toString(dims));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Shape: " + Arrays.toString(dims) + " has more than "
                        + Integer.MAX_VALUE + " values");
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * The number of axes.
     *
     * @return 1 for a flat row, 3 for an image
     */
    public int rank() {
        return dims.length;
    }

    /**
     * The size of one axis.
     *
     * @param axis the axis, from 0
     * @return its size
     * @throws IndexOutOfBoundsException if there is no such axis
     */
    public int dim(int axis) {
        return dims[axis];
    }

    /**
     * The number of values in one sample: the product of the axes, and the columns of a batch.
     *
     * @return the size
     */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    /**
     * The axes.
     *
     * @return a copy of the axes
     */
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * The axes joined by {@code ×}.
     *
     * @return such as {@code "1×28×28"} or {@code "784"}
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return sb.toString();
    }
}
