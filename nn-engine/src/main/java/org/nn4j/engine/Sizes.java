package org.nn4j.engine;

/**
 * The argument checks every engine makes before it computes, so that a wrong size fails with a message naming
 * the operation and the sizes rather than with an index error, or with a wrong result from a kernel that read
 * past a matrix into the next one.
 */
final class Sizes {

    private Sizes() {
    }

    /**
     * Checks a product's sizes and that each array holds its matrix.
     *
     * @param operation the engine method, for the message
     * @param a the left operand, stored {@code aRows×aCols}
     * @param aRows rows of {@code a} as stored
     * @param aCols columns of {@code a} as stored
     * @param b the right operand, stored {@code bRows×bCols}
     * @param bRows rows of {@code b} as stored
     * @param bCols columns of {@code b} as stored
     * @param c the result, {@code cRows×cCols}
     * @param cRows rows of {@code c}
     * @param cCols columns of {@code c}
     * @throws IllegalArgumentException if a size is negative or an array is too short, naming both
     */
    static void product(String operation, double[] a, int aRows, int aCols, double[] b, int bRows, int bCols,
            double[] c, int cRows, int cCols) {
        holds(operation, "a", a, aRows, aCols);
        holds(operation, "b", b, bRows, bCols);
        holds(operation, "c", c, cRows, cCols);
    }

    /**
     * Checks an element-wise operation's length against both arrays.
     *
     * @param operation the engine method, for the message
     * @param x the input
     * @param out the output
     * @param length how many leading elements
     * @throws IllegalArgumentException if {@code length} is negative or longer than an array
     */
    static void elements(String operation, double[] x, double[] out, int length) {
        if (length < 0 || length > x.length || length > out.length) {
            throw new IllegalArgumentException("Engine." + operation + ": length " + length + " does not fit x ("
                    + x.length + " elements) and out (" + out.length + " elements)");
        }
    }

    private static void holds(String operation, String name, double[] array, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("Engine." + operation + ": " + name + " cannot be " + rows + "×"
                    + cols + ", sizes must not be negative");
        }
        if (array.length < (long) rows * cols) {
            throw new IllegalArgumentException("Engine." + operation + ": " + name + " has " + array.length
                    + " elements, a " + rows + "×" + cols + " matrix needs " + (long) rows * cols);
        }
    }
}
