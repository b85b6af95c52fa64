package org.nn4j.io;

import java.io.IOException;
import java.util.Arrays;
import org.nn4j.api.Matrix;
import tools.jackson.core.JsonToken;

/**
 * Reads matrices (arrays of equally long rows of finite numbers) and counts every number against
 * {@link ModelLimits#maxElements()}, so that no array can grow past the limit however long the document is.
 */
final class MatrixReader {

    private final JsonCursor in;
    private long elements;

    MatrixReader(JsonCursor in) {
        this.in = in;
    }

    /** Counts matrix elements against {@link ModelLimits#maxElements()}. */
    private void countElement(String path) throws ModelFormatException {
        if (++elements > in.limits().maxElements()) {
            throw in.fail(path, "exceeds the limit ModelLimits.maxElements = " + in.limits().maxElements()
                    + " numbers in one model");
        }
    }

    /** @return the numbers read so far */
    long elementsRead() {
        return elements;
    }

    /** Reads a matrix as an array of rows, each an array of the same number of finite numbers. */
    Matrix readMatrix(String path) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_ARRAY) {
            throw in.unexpected(path, "a matrix (an array of rows)", t);
        }
        double[] values = new double[16];
        int count = 0;
        int rows = 0;
        int cols = -1;
        while ((t = in.next(path)) != JsonToken.END_ARRAY) {
            String rowPath = Where.index(path, rows);
            if (t != JsonToken.START_ARRAY) {
                throw in.unexpected(rowPath, "a row (an array of numbers)", t);
            }
            int n = 0;
            while ((t = in.next(rowPath)) != JsonToken.END_ARRAY) {
                String elementPath = Where.index(rowPath, n);
                if (cols >= 0 && n == cols) {
                    throw in.fail(elementPath, "expected " + cols + " numbers (as in row 0), found more");
                }
                countElement(elementPath);
                if (count == values.length) {
                    values = Arrays.copyOf(values, Math.max(16, values.length * 2));
                }
                values[count++] = in.finite(elementPath, t);
                n++;
            }
            if (n == 0) {
                throw in.fail(rowPath, "expected a row with at least one number, found []");
            }
            if (cols >= 0 && n != cols) {
                throw in.fail(rowPath, "expected " + cols + " numbers (as in row 0), found " + n);
            }
            cols = n;
            rows++;
        }
        if (rows == 0) {
            throw in.fail(path, "expected a matrix with at least one row, found []");
        }
        return Matrix.fromRowMajor(rows, cols, Arrays.copyOf(values, count));
    }
}
