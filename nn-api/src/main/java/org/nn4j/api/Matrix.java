package org.nn4j.api;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.nn4j.engine.Engine;

/**
 * A dense, row-major matrix of {@code double}s: rows are samples, columns are features, like a 2-D numpy array.
 *
 * <p>Operations that return a new matrix read like numpy ({@link #times}, {@link #plus}, {@link #transpose},
 * {@link #map}, {@link #sumColumns}); operations that change this matrix say so with an {@code InPlace} suffix
 * (or are plain setters such as {@link #set}). The contents are therefore <b>mutable</b>: a matrix shared between
 * threads must not be written while it is read. The shape is fixed at construction.
 *
 * <p>The matrix product has three forms so that backpropagation never materialises a transpose:
 * <pre>
 *   a.times(b)           = a · b      (n×k · k×m → n×m)
 *   a.transposeTimes(b)  = aᵀ · b     (k×n · k×m → n×m)   used for weight gradients  Xᵀ·δ
 *   a.timesTranspose(b)  = a · bᵀ     (n×k · m×k → n×m)   used for input gradients   δ·Wᵀ
 * </pre>
 *
 * <p><b>Where the arithmetic happens.</b> Every operation here is a plain loop you can read, except the products
 * and the exponential: those are handed to the engine module below this one ({@code nn-engine}), whose
 * {@link Engine#reference()} is their definition in plain loops, and whose faster engines are tested against it.
 * Which engine runs is chosen once per JVM: {@code -Dnn4j.kernel=reference}, {@code scalar} or {@code vector}
 * (the default picks {@code vector} when the JVM was started with {@code --add-modules jdk.incubator.vector},
 * {@code scalar} otherwise), and {@code -Dnn4j.threads=N} for large products; {@link #productKernel()} says
 * which is in use.
 *
 * <p>Shape errors name the operation and both shapes, for example
 * {@code times: 4×3 · 2×4 — inner sizes 3 and 2 differ}.
 *
 * <p>Two matrices are {@linkplain #equals equal} when they have the same shape and bit-identical elements
 * (as {@link Double#doubleToLongBits} compares them), so {@code equals} is the test for "bit-identical weights".
 */
public final class Matrix {

    /** Computes the products and exponentials (see the class description). */
    private static final Engine ENGINE = Engine.chosen();

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    // ------------------------------------------------------------------ construction

    /**
     * A matrix of zeros.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @return a new {@code rows×cols} matrix filled with {@code 0.0}
     * @throws IllegalArgumentException if a size is not positive or the element count overflows an {@code int}
     */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[checkedSize(rows, cols)]);
    }

    /**
     * A matrix with every element set to {@code value}.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @param value the value of every element
     * @return a new {@code rows×cols} matrix
     */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = zeros(rows, cols);
        Arrays.fill(m.data, value);
        return m;
    }

    /**
     * A matrix copied from nested arrays, one inner array per row (like {@code np.array([[0, 0], [0, 1]])}).
     *
     * @param values the rows; all must have the same, positive length
     * @return a new matrix holding a copy of {@code values}
     * @throws IllegalArgumentException if there are no rows or the rows are ragged
     */
    public static Matrix of(double[][] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Matrix.of: need at least one row");
        }
        int cols = values[0] == null ? 0 : values[0].length;
        Matrix m = zeros(values.length, cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != cols) {
                throw new IllegalArgumentException("Matrix.of: row " + r + " has "
                        + (values[r] == null ? "no" : values[r].length) + " columns, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /**
     * A matrix copied from a row-major array: element {@code (r, c)} is {@code values[r * cols + c]}.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param values exactly {@code rows * cols} values, row after row
     * @return a new matrix holding a copy of {@code values}
     * @throws IllegalArgumentException if the array length is not {@code rows * cols}
     */
    public static Matrix fromRowMajor(int rows, int cols, double... values) {
        int size = checkedSize(rows, cols);
        if (values.length != size) {
            throw new IllegalArgumentException("Matrix.fromRowMajor: " + rows + "×" + cols + " needs " + size
                    + " values, got " + values.length);
        }
        return new Matrix(rows, cols, values.clone());
    }

    /**
     * A 1×n matrix, the shape of a bias or of one sample.
     *
     * @param values the elements
     * @return a new {@code 1×values.length} matrix
     */
    public static Matrix rowVector(double... values) {
        return fromRowMajor(1, values.length, values);
    }

    /**
     * An n×1 matrix, the shape of a single-output target column.
     *
     * @param values the elements
     * @return a new {@code values.length×1} matrix
     */
    public static Matrix columnVector(double... values) {
        return fromRowMajor(values.length, 1, values);
    }

    private static int checkedSize(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Matrix: sizes must be positive, got " + rows + "×" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Matrix: " + rows + "×" + cols + " has " + size
                    + " elements, more than one Java array can hold");
        }
        return (int) size;
    }

    // ------------------------------------------------------------------ shape and elements

    /** @return the number of rows (samples) */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (features) */
    public int cols() {
        return cols;
    }

    /** @return {@code rows() * cols()} */
    public int size() {
        return data.length;
    }

    /** @return the shape as text, {@code "4×3"}, as error messages print it */
    public String shape() {
        return rows + "×" + cols;
    }

    /**
     * @param rows rows to compare with
     * @param cols columns to compare with
     * @return whether this matrix is {@code rows×cols}
     */
    public boolean hasShape(int rows, int cols) {
        return this.rows == rows && this.cols == cols;
    }

    /**
     * @param other another matrix
     * @return whether both matrices have the same shape
     */
    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    /**
     * @param row row index, from 0
     * @param col column index, from 0
     * @return the element at {@code (row, col)}
     * @throws IndexOutOfBoundsException if an index is outside the shape
     */
    public double get(int row, int col) {
        return data[index(row, col)];
    }

    /**
     * Sets one element: this changes the matrix.
     *
     * @param row row index, from 0
     * @param col column index, from 0
     * @param value the new value
     * @throws IndexOutOfBoundsException if an index is outside the shape
     */
    public void set(int row, int col, double value) {
        data[index(row, col)] = value;
    }

    /**
     * The element at a row-major position, for code that walks every element.
     *
     * @param i position, {@code row * cols() + col}
     * @return that element
     */
    public double getFlat(int i) {
        return data[i];
    }

    /**
     * Sets the element at a row-major position: this changes the matrix.
     *
     * @param i position, {@code row * cols() + col}
     * @param value the new value
     */
    public void setFlat(int i, double value) {
        data[i] = value;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside " + shape());
        }
        return row * cols + col;
    }

    /**
     * @param row row index, from 0
     * @return a new 1×cols matrix holding a copy of that row
     */
    public Matrix row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " is outside " + shape());
        }
        return new Matrix(1, cols, Arrays.copyOfRange(data, row * cols, (row + 1) * cols));
    }

    /**
     * Gathers rows into a new matrix, in the order given (a mini-batch, a shuffled copy, a split).
     *
     * @param indices row indices, each in {@code [0, rows())}; repeats are allowed
     * @return a new {@code indices.length×cols} matrix
     */
    public Matrix selectRows(int[] indices) {
        Matrix m = zeros(indices.length, cols);
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("selectRows: row " + r + " is outside " + shape());
            }
            System.arraycopy(data, r * cols, m.data, i * cols, cols);
        }
        return m;
    }

    /** @return a copy of the contents as nested arrays, one per row */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** @return a copy of the contents, row after row */
    public double[] toRowMajorArray() {
        return data.clone();
    }

    /** @return a new matrix with the same shape and contents */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    // ------------------------------------------------------------------ products

    /**
     * The matrix product {@code this · other}, like {@code np.dot(a, b)}.
     *
     * @param other a {@code k×m} matrix where {@code k == cols()}
     * @return a new {@code rows()×m} matrix
     * @throws IllegalArgumentException if the inner sizes differ
     */
    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("times: " + shape() + " · " + other.shape() + " — inner sizes "
                    + cols + " and " + other.rows + " differ");
        }
        Matrix out = zeros(rows, other.cols);
        ENGINE.multiply(data, other.data, out.data, rows, cols, other.cols);
        return out;
    }

    /**
     * The product {@code thisᵀ · other} without building the transpose: the weight gradient {@code Xᵀ·δ}.
     *
     * @param other a {@code k×m} matrix where {@code k == rows()}
     * @return a new {@code cols()×m} matrix
     * @throws IllegalArgumentException if the row counts differ
     */
    public Matrix transposeTimes(Matrix other) {
        if (rows != other.rows) {
            throw new IllegalArgumentException("transposeTimes: " + shape() + "ᵀ · " + other.shape()
                    + " — row counts " + rows + " and " + other.rows + " differ");
        }
        Matrix out = zeros(cols, other.cols);
        ENGINE.transposeMultiply(data, other.data, out.data, rows, cols, other.cols);
        return out;
    }

    /**
     * The product {@code this · otherᵀ} without building the transpose: the input gradient {@code δ·Wᵀ}.
     *
     * @param other an {@code m×k} matrix where {@code k == cols()}
     * @return a new {@code rows()×m} matrix
     * @throws IllegalArgumentException if the column counts differ
     */
    public Matrix timesTranspose(Matrix other) {
        if (cols != other.cols) {
            throw new IllegalArgumentException("timesTranspose: " + shape() + " · " + other.shape()
                    + "ᵀ — column counts " + cols + " and " + other.cols + " differ");
        }
        Matrix out = zeros(rows, other.rows);
        ENGINE.multiplyTranspose(data, other.data, out.data, rows, cols, other.rows);
        return out;
    }

    /**
     * Which engine computes the products and exponentials in this JVM ({@link Engine#chosen()}), chosen once from
     * the {@code nn4j.kernel} and {@code nn4j.threads} system properties: the Vector API kernel when the JVM runs
     * with {@code --add-modules jdk.incubator.vector}, the portable scalar kernel otherwise, or the plain reference
     * loops on request. Products smaller than a few thousand multiply-adds always use simple loops.
     *
     * @return a description such as {@code "vector (8×16 tiles of 512-bit DoubleVector), up to 2 threads per product"}
     */
    public static String productKernel() {
        return ENGINE.description();
    }

    /** @return a new {@code cols()×rows()} matrix, the transpose */
    public Matrix transpose() {
        Matrix out = zeros(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.data[c * rows + r] = data[r * cols + c];
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ element-wise, new matrix

    /**
     * Element-wise sum, numpy's {@code a + b}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix {@code this + other}
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix plus(Matrix other) {
        requireSameShape("plus", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = data[i] + other.data[i];
        }
        return out;
    }

    /**
     * Element-wise difference, numpy's {@code a - b}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix {@code this − other}
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix minus(Matrix other) {
        requireSameShape("minus", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = data[i] - other.data[i];
        }
        return out;
    }

    /**
     * The element-wise (Hadamard) product, numpy's {@code a * b}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix {@code this ⊙ other}
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix multiply(Matrix other) {
        requireSameShape("multiply", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = data[i] * other.data[i];
        }
        return out;
    }

    /**
     * Element-wise quotient, numpy's {@code a / b}: division by zero gives an infinity or NaN, as in numpy.
     *
     * @param other a matrix of the same shape
     * @return a new matrix {@code this / other}, element by element
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix divide(Matrix other) {
        requireSameShape("divide", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = data[i] / other.data[i];
        }
        return out;
    }

    /**
     * @param factor the scalar
     * @return a new matrix {@code factor · this}
     */
    public Matrix scale(double factor) {
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = data[i] * factor;
        }
        return out;
    }

    /**
     * Adds a 1×cols row to every row, numpy's broadcasting {@code a + b} for a bias.
     *
     * @param row a {@code 1×cols()} matrix
     * @return a new matrix
     * @throws IllegalArgumentException if {@code row} is not {@code 1×cols()}
     */
    public Matrix plusRow(Matrix row) {
        requireRow("plusRow", "+", row);
        Matrix out = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.data[r * cols + c] = data[r * cols + c] + row.data[c];
            }
        }
        return out;
    }

    /**
     * Subtracts a 1×cols row from every row, numpy's broadcasting {@code a - row} (subtracting each column's
     * maximum or mean, for example).
     *
     * @param row a {@code 1×cols()} matrix
     * @return a new matrix
     * @throws IllegalArgumentException if {@code row} is not {@code 1×cols()}
     */
    public Matrix minusRow(Matrix row) {
        requireRow("minusRow", "−", row);
        Matrix out = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.data[r * cols + c] = data[r * cols + c] - row.data[c];
            }
        }
        return out;
    }

    /**
     * Divides every row by a 1×cols row, element by element, numpy's broadcasting {@code a / row} (scaling each
     * column by its standard deviation, for example).
     *
     * @param row a {@code 1×cols()} matrix
     * @return a new matrix
     * @throws IllegalArgumentException if {@code row} is not {@code 1×cols()}
     */
    public Matrix divideRow(Matrix row) {
        requireRow("divideRow", "/", row);
        Matrix out = zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.data[r * cols + c] = data[r * cols + c] / row.data[c];
            }
        }
        return out;
    }

    /**
     * {@code e} to the power of every element, numpy's {@code np.exp(a)}, computed by the engine (see the class
     * description): each element within 1 ulp of {@link Math#exp}, exactly {@code Math.exp} unless the engine is
     * {@code vector}.
     *
     * @return a new matrix of the same shape
     */
    public Matrix exp() {
        Matrix out = zeros(rows, cols);
        ENGINE.exp(data, out.data, data.length);
        return out;
    }

    /**
     * Applies a function to every element, like a numpy ufunc.
     *
     * @param f the function
     * @return a new matrix of the same shape
     */
    public Matrix map(DoubleUnaryOperator f) {
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = f.applyAsDouble(data[i]);
        }
        return out;
    }

    /**
     * Combines two matrices element by element.
     *
     * @param other a matrix of the same shape
     * @param f the function of ({@code this} element, {@code other} element)
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix zip(Matrix other, DoubleBinaryOperator f) {
        requireSameShape("zip", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < data.length; i++) {
            out.data[i] = f.applyAsDouble(data[i], other.data[i]);
        }
        return out;
    }

    // ------------------------------------------------------------------ reductions

    /**
     * Sums each column over the rows, numpy's {@code np.sum(a, axis=0, keepdims=True)}: the bias gradient.
     *
     * @return a new {@code 1×cols()} matrix
     */
    public Matrix sumColumns() {
        double[] out = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += data[base + c];
            }
        }
        return new Matrix(1, cols, out);
    }

    /**
     * Sums each row over the columns, numpy's {@code np.sum(a, axis=1, keepdims=True)}.
     *
     * @return a new {@code rows()×1} matrix
     */
    public Matrix sumRows() {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                s += data[base + c];
            }
            out[r] = s;
        }
        return new Matrix(rows, 1, out);
    }

    /** @return the sum of all elements, added in row-major order */
    public double sum() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** @return the mean of all elements */
    public double mean() {
        return sum() / data.length;
    }

    /** @return the largest absolute value of any element ({@code 0} never, since a matrix is not empty) */
    public double maxAbs() {
        double m = 0;
        for (double v : data) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** @return whether every element is finite (no NaN, no infinity) */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ in place

    /**
     * {@code this += other}: changes this matrix.
     *
     * @param other a matrix of the same shape
     * @return this matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix addInPlace(Matrix other) {
        requireSameShape("addInPlace", other);
        for (int i = 0; i < data.length; i++) {
            data[i] += other.data[i];
        }
        return this;
    }

    /**
     * {@code this += alpha · other} (BLAS {@code axpy}): changes this matrix. An optimizer step is
     * {@code weights.addScaledInPlace(-learningRate, gradient)}.
     *
     * @param alpha the scalar
     * @param other a matrix of the same shape
     * @return this matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix addScaledInPlace(double alpha, Matrix other) {
        requireSameShape("addScaledInPlace", other);
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * other.data[i];
        }
        return this;
    }

    /**
     * Adds a 1×cols row to every row of this matrix, numpy's {@code z += b} for a bias: {@link #plusRow} without
     * a new matrix. Changes this matrix.
     *
     * @param row a {@code 1×cols()} matrix
     * @return this matrix
     * @throws IllegalArgumentException if {@code row} is not {@code 1×cols()}
     */
    public Matrix addRowInPlace(Matrix row) {
        requireRow("addRowInPlace", "+", row);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] += row.data[c];
            }
        }
        return this;
    }

    /**
     * {@code this += aᵀ · b} without building the transpose or the product: a weight gradient
     * {@code ∂L/∂W += Xᵀ·δ} accumulated where it lives. Each element's sum is formed first, then added to it.
     * Changes this matrix.
     *
     * @param a a {@code k×rows()} matrix
     * @param b a {@code k×cols()} matrix
     * @return this matrix
     * @throws IllegalArgumentException if the shapes do not fit, naming all three
     */
    public Matrix addTransposeTimesInPlace(Matrix a, Matrix b) {
        if (a.rows != b.rows || a.cols != rows || b.cols != cols) {
            throw new IllegalArgumentException("addTransposeTimesInPlace: " + shape() + " += " + a.shape() + "ᵀ · "
                    + b.shape() + " — expected a: k×" + rows + " and b: k×" + cols + " with the same k");
        }
        ENGINE.addTransposeMultiply(a.data, b.data, data, a.rows, rows, cols);
        return this;
    }

    /**
     * {@code this *= factor}: changes this matrix.
     *
     * @param factor the scalar
     * @return this matrix
     */
    public Matrix scaleInPlace(double factor) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return this;
    }

    /**
     * Applies a function to every element in place: changes this matrix.
     *
     * @param f the function
     * @return this matrix
     */
    public Matrix mapInPlace(DoubleUnaryOperator f) {
        for (int i = 0; i < data.length; i++) {
            data[i] = f.applyAsDouble(data[i]);
        }
        return this;
    }

    /**
     * {@code this = e^this} element by element, numpy's {@code np.exp(z, out=z)}: {@link #exp()} without a new
     * matrix. Changes this matrix.
     *
     * @return this matrix
     */
    public Matrix expInPlace() {
        ENGINE.exp(data, data, data.length);
        return this;
    }

    /**
     * Sets every element to {@code value}: changes this matrix.
     *
     * @param value the value
     * @return this matrix
     */
    public Matrix fillInPlace(double value) {
        Arrays.fill(data, value);
        return this;
    }

    /**
     * Copies another matrix's elements into this one: changes this matrix.
     *
     * @param other a matrix of the same shape
     * @return this matrix
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix copyFromInPlace(Matrix other) {
        requireSameShape("copyFromInPlace", other);
        System.arraycopy(other.data, 0, data, 0, data.length);
        return this;
    }

    // ------------------------------------------------------------------ checks and Object methods

    /**
     * Throws unless {@code other} has this matrix's shape.
     *
     * @param operation the operation's name, for the message
     * @param other the other matrix
     * @throws IllegalArgumentException naming the operation and both shapes
     */
    public void requireSameShape(String operation, Matrix other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException(operation + ": " + shape() + " and " + other.shape()
                    + " — shapes differ");
        }
    }

    /** Throws unless {@code row} is a {@code 1×cols()} row to broadcast, naming the operation and both shapes. */
    private void requireRow(String operation, String symbol, Matrix row) {
        if (row.rows != 1 || row.cols != cols) {
            throw new IllegalArgumentException(operation + ": " + shape() + " " + symbol + " " + row.shape()
                    + " — expected a 1×" + cols + " row");
        }
    }

    /**
     * Equal when the shapes match and every element is bit-identical ({@code NaN} equals {@code NaN},
     * {@code 0.0} differs from {@code -0.0}).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** @return the shape and, for small matrices, the rows, like {@code 2×2 [[1.0, 2.0], [3.0, 4.0]]} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(shape());
        if (data.length > 64) {
            return sb.append(" [...]").toString();
        }
        sb.append(" [");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : ", ").append(data[r * cols + c]);
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
