package org.nn4j.core.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;

/**
 * Standardises every input feature: subtracts its mean and divides by its standard deviation, with both learned from
 * data before training and kept in the model as non-trainable {@link Layer#state() state}, so that a saved model
 * takes raw inputs (Keras' {@code Normalization} layer, scikit-learn's {@code StandardScaler} in a pipeline).
 * <pre>
 *   forward:   z = (x − μ) / σ                x, z: n×k     μ, σ: 1×k, the state "mean" and "deviation"
 *   backward:  ∂L/∂x = ∂L/∂z / σ              μ and σ are not trained
 *   adapt:     μ_j = mean of column j,  σ_j = √(mean of (x_ij − μ_j)²)   (numpy's np.std), 1 where that is 0
 * </pre>
 * A new {@code Standardize(k)} is the identity (μ = 0, σ = 1) until it is {@link #adapt adapted} or a model file
 * fills its state. The layer keeps its input's shape.
 */
public final class Standardize implements Layer {

    private final int size;
    private final Matrix mean;
    private final Matrix deviation;

    /**
     * @param size the number of features, at least 1
     * @throws IllegalArgumentException if the size is not positive
     */
    public Standardize(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("Standardize: size must be positive, got " + size);
        }
        this.size = size;
        this.mean = Matrix.zeros(1, size);
        this.deviation = Matrix.filled(1, size, 1.0);
    }

    /**
     * A layer adapted to data: {@code new Standardize(data.cols()).adapt(data)}.
     *
     * @param data the training inputs, one sample per row
     * @return the layer
     */
    public static Standardize adaptedTo(Matrix data) {
        return new Standardize(data.cols()).adapt(data);
    }

    /**
     * Learns the mean and standard deviation of every column of {@code data} (a constant column gets deviation 1,
     * so it becomes 0 rather than NaN).
     *
     * @param data one sample per row, {@code n×size}
     * @return this layer
     * @throws IllegalArgumentException if {@code data} has the wrong number of columns or a non-finite value
     */
    public Standardize adapt(Matrix data) {
        checkInput("adapt", data);
        if (!data.isFinite()) {
            throw new IllegalArgumentException(describe() + ".adapt: data holds NaN or infinity");
        }
        Matrix mu = data.sumColumns().scale(1.0 / data.rows());
        Matrix variance = data.minusRow(mu).map(d -> d * d).sumColumns().scale(1.0 / data.rows());
        mean.copyFromInPlace(mu);
        deviation.copyFromInPlace(variance.map(v -> v > 0 ? Math.sqrt(v) : 1.0));
        return this;
    }

    /** {@inheritDoc} {@code z = (x − μ) / σ}. */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        return input.minusRow(mean).divideRow(deviation);
    }

    /** {@inheritDoc} {@code ∂L/∂x = ∂L/∂z / σ}. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        checkInput("backward", outputGradient);
        return outputGradient.divideRow(deviation);
    }

    private void checkInput(String method, Matrix input) {
        if (input.cols() != size) {
            throw new IllegalArgumentException(describe() + "." + method + ": input has " + input.cols()
                    + " columns, expected " + size);
        }
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize != size) {
            throw new IllegalArgumentException(describe() + ": input has " + inputSize + " columns, expected " + size);
        }
        return size;
    }

    /** {@inheritDoc} The input's shape: every value is standardised where it is. */
    @Override
    public Shape outputShape(Shape inputShape) {
        outputSize(inputShape.size());
        return inputShape;
    }

    /** @return {@code mean} (μ) and {@code deviation} (σ), both {@code 1×size}, live */
    @Override
    public Map<String, Matrix> state() {
        Map<String, Matrix> state = new LinkedHashMap<>();
        state.put("mean", mean);
        state.put("deviation", deviation);
        return Collections.unmodifiableMap(state);
    }

    /** @return a new layer with copies of the mean and deviation */
    @Override
    public Standardize copy() {
        Standardize copy = new Standardize(size);
        copy.mean.copyFromInPlace(mean);
        copy.deviation.copyFromInPlace(deviation);
        return copy;
    }

    /** @return the {@code 1×size} means μ (live) */
    public Matrix mean() {
        return mean;
    }

    /** @return the {@code 1×size} standard deviations σ (live) */
    public Matrix deviation() {
        return deviation;
    }

    /** @return the number of features */
    public int size() {
        return size;
    }

    @Override
    public String describe() {
        return "Standardize(" + size + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
