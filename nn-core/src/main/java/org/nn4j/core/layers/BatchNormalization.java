package org.nn4j.core.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.api.Training;

/**
 * Batch normalisation (Ioffe and Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing
 * Internal Covariate Shift", 2015): while training, every feature is standardised with the mean and variance of
 * the batch, then scaled and shifted by the trained {@code gamma} and {@code beta}; running averages of those
 * statistics, kept as non-trainable {@link Layer#state() state}, take their place when predicting (Keras'
 * {@code BatchNormalization}).
 * <pre>
 *   features:  a flat row's columns, or an image's channels (each channel's h·w values of every sample together)
 *   shapes:    x, y: n×(features·valuesPerFeature)    γ, β, running mean μ_r, running variance σ²_r: 1×features
 *   training forward, per feature over its m = n·valuesPerFeature values:
 *              μ = mean(x),  σ² = mean((x − μ)²)
 *              x̂ = (x − μ) / √(σ² + ε)
 *              y = γ·x̂ + β
 *              μ_r ← momentum·μ_r + (1 − momentum)·μ,   σ²_r ← momentum·σ²_r + (1 − momentum)·σ²
 *   training backward, with δ = ∂L/∂y:
 *              ∂L/∂γ += Σ δ·x̂,   ∂L/∂β += Σ δ
 *              ∂L/∂x  = γ / √(σ² + ε) · (δ − mean(δ) − x̂·mean(δ·x̂))        (μ and σ² depend on x too)
 *   predicting: y = γ·(x − μ_r) / √(σ²_r + ε) + β,     ∂L/∂x = γ / √(σ²_r + ε) · δ
 * </pre>
 * The parameters are {@code gamma} (starts at 1) and {@code beta} (starts at 0); the state is {@code runningMean}
 * (starts at 0) and {@code runningVariance} (starts at 1), saved with the model. As in Keras, the running variance
 * averages the batch variance {@code σ²} (divided by m, not m − 1). The layer keeps its input's shape.
 */
public final class BatchNormalization implements Layer {

    /** Keras' default weight of the old running statistics. */
    public static final double DEFAULT_MOMENTUM = 0.99;
    /** Keras' default ε, added to the variance before the square root. */
    public static final double DEFAULT_EPSILON = 1e-3;

    private final int features;
    private final int valuesPerFeature;
    private final double momentum;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Matrix runningMean;
    private final Matrix runningVariance;

    /**
     * @param features the number of features normalised separately (a flat row's columns, an image's channels)
     * @param valuesPerFeature the values of one feature in one sample (1 for a flat row, h·w for an image)
     * @param momentum the weight of the old running statistics, in {@code [0, 1)}
     * @param epsilon added to the variance, positive
     * @throws IllegalArgumentException if a size is not positive or momentum or epsilon are out of range
     */
    public BatchNormalization(int features, int valuesPerFeature, double momentum, double epsilon) {
        if (features <= 0 || valuesPerFeature <= 0 || (long) features * valuesPerFeature > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("BatchNormalization: features and values per feature must be"
                    + " positive, got " + features + " and " + valuesPerFeature);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("BatchNormalization: momentum must be in [0, 1), got " + momentum);
        }
        if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("BatchNormalization: epsilon must be positive, got " + epsilon);
        }
        this.features = features;
        this.valuesPerFeature = valuesPerFeature;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gamma = new Parameter("gamma", Matrix.filled(1, features, 1.0));
        this.beta = new Parameter("beta", Matrix.zeros(1, features));
        this.runningMean = Matrix.zeros(1, features);
        this.runningVariance = Matrix.filled(1, features, 1.0);
    }

    /**
     * Batch normalisation for samples of a shape, with Keras' defaults (momentum 0.99, ε = 0.001): per channel for
     * an image {@code c×h×w}, per column otherwise.
     *
     * @param inputShape the shape of one sample
     * @return the layer
     */
    public static BatchNormalization forShape(Shape inputShape) {
        return forShape(inputShape, DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    /**
     * Batch normalisation for samples of a shape: per channel for an image {@code c×h×w}, per column otherwise.
     *
     * @param inputShape the shape of one sample
     * @param momentum the weight of the old running statistics, in {@code [0, 1)}
     * @param epsilon added to the variance, positive
     * @return the layer
     */
    public static BatchNormalization forShape(Shape inputShape, double momentum, double epsilon) {
        int features = inputShape.rank() == 3 ? inputShape.dim(0) : inputShape.size();
        return new BatchNormalization(features, inputShape.size() / features, momentum, epsilon);
    }

    /** {@inheritDoc} Predicting: {@code y = γ·(x − μ_r) / √(σ²_r + ε) + β}. */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        Matrix xHat = input.minus(expand(runningMean, input.rows()))
                .multiply(expand(inverseDeviation(runningVariance), input.rows()));
        return scaleAndShift(xHat);
    }

    /** {@inheritDoc} Predicting: {@code ∂L/∂x = γ / √(σ²_r + ε) · δ}, and the gradients of γ and β. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        checkGradient(input, outputGradient);
        Matrix inverse = inverseDeviation(runningVariance);
        Matrix xHat = input.minus(expand(runningMean, input.rows())).multiply(expand(inverse, input.rows()));
        gamma.gradient().addInPlace(featureSums(outputGradient.multiply(xHat)));     // ∂L/∂γ += Σ δ·x̂
        beta.gradient().addInPlace(featureSums(outputGradient));                      // ∂L/∂β += Σ δ
        return outputGradient.multiply(expand(gamma.value().multiply(inverse), input.rows()));
    }

    /** {@inheritDoc} With the batch's mean and variance, which also move the running statistics. */
    @Override
    public Matrix forward(Matrix input, Training training) {
        checkInput("forward", input);
        int n = input.rows();
        Matrix mean = featureMeans(input);                                             // μ
        Matrix centred = input.minus(expand(mean, n));                                 // x − μ
        Matrix variance = featureMeans(centred.multiply(centred));                     // σ²
        Matrix inverse = inverseDeviation(variance);                                   // 1 / √(σ² + ε)
        Matrix xHat = centred.multiply(expand(inverse, n));                            // x̂
        training.save("xHat", xHat);
        training.save("inverseDeviation", inverse);
        runningMean.scaleInPlace(momentum).addScaledInPlace(1 - momentum, mean);
        runningVariance.scaleInPlace(momentum).addScaledInPlace(1 - momentum, variance);
        return scaleAndShift(xHat);
    }

    /** {@inheritDoc} The training backward formulas of the table above. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Training training) {
        checkGradient(input, outputGradient);
        int n = input.rows();
        Matrix delta = outputGradient;
        Matrix xHat = training.saved("xHat");
        Matrix deltaXHat = delta.multiply(xHat);
        gamma.gradient().addInPlace(featureSums(deltaXHat));                          // ∂L/∂γ += Σ δ·x̂
        beta.gradient().addInPlace(featureSums(delta));                               // ∂L/∂β += Σ δ
        Matrix centredDelta = delta.minus(expand(featureMeans(delta), n))              // δ − mean(δ)
                .minus(xHat.multiply(expand(featureMeans(deltaXHat), n)));             //   − x̂·mean(δ·x̂)
        Matrix factor = gamma.value().multiply(training.saved("inverseDeviation"));    // γ / √(σ² + ε)
        return centredDelta.multiply(expand(factor, n));
    }

    private Matrix scaleAndShift(Matrix xHat) {
        int n = xHat.rows();
        return xHat.multiply(expand(gamma.value(), n)).plus(expand(beta.value(), n));
    }

    private Matrix inverseDeviation(Matrix variance) {
        return variance.map(v -> 1.0 / Math.sqrt(v + epsilon));
    }

    /** Sums each feature's values over the batch: {@code 1×features}. */
    private Matrix featureSums(Matrix x) {
        Matrix sums = Matrix.zeros(1, features);
        for (int s = 0; s < x.rows(); s++) {
            for (int f = 0; f < features; f++) {
                int start = s * x.cols() + f * valuesPerFeature;
                double sum = 0;
                for (int p = 0; p < valuesPerFeature; p++) {
                    sum += x.getFlat(start + p);
                }
                sums.setFlat(f, sums.getFlat(f) + sum);
            }
        }
        return sums;
    }

    /** Each feature's mean over its {@code n·valuesPerFeature} values: {@code 1×features}. */
    private Matrix featureMeans(Matrix x) {
        return featureSums(x).scale(1.0 / ((double) x.rows() * valuesPerFeature));
    }

    /** Spreads one value per feature over every column of that feature and every row, as numpy broadcasts. */
    private Matrix expand(Matrix perFeature, int n) {
        Matrix row = Matrix.zeros(1, features * valuesPerFeature);
        for (int f = 0; f < features; f++) {
            for (int p = 0; p < valuesPerFeature; p++) {
                row.setFlat(f * valuesPerFeature + p, perFeature.getFlat(f));
            }
        }
        return Matrix.zeros(n, row.cols()).plusRow(row);
    }

    private void checkInput(String method, Matrix input) {
        if (input.cols() != features * valuesPerFeature) {
            throw new IllegalArgumentException(describe() + "." + method + ": input has " + input.cols()
                    + " columns, expected " + features * valuesPerFeature);
        }
    }

    private void checkGradient(Matrix input, Matrix outputGradient) {
        checkInput("backward", input);
        if (!outputGradient.sameShape(input)) {
            throw new IllegalArgumentException(describe() + ".backward: outputGradient is " + outputGradient.shape()
                    + ", expected " + input.shape());
        }
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize != features * valuesPerFeature) {
            throw new IllegalArgumentException(describe() + ": input has " + inputSize + " columns, expected "
                    + features * valuesPerFeature);
        }
        return inputSize;
    }

    /** {@inheritDoc} The input's shape. */
    @Override
    public Shape outputShape(Shape inputShape) {
        outputSize(inputShape.size());
        return inputShape;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** @return {@code runningMean} and {@code runningVariance}, both {@code 1×features}, live */
    @Override
    public Map<String, Matrix> state() {
        Map<String, Matrix> state = new LinkedHashMap<>();
        state.put("runningMean", runningMean);
        state.put("runningVariance", runningVariance);
        return Collections.unmodifiableMap(state);
    }

    /** @return a new layer with copies of γ, β and the running statistics (and zero gradients) */
    @Override
    public BatchNormalization copy() {
        BatchNormalization copy = new BatchNormalization(features, valuesPerFeature, momentum, epsilon);
        copy.gamma.value().copyFromInPlace(gamma.value());
        copy.beta.value().copyFromInPlace(beta.value());
        copy.runningMean.copyFromInPlace(runningMean);
        copy.runningVariance.copyFromInPlace(runningVariance);
        return copy;
    }

    /** @return the {@code 1×features} scale parameter γ */
    public Parameter gamma() {
        return gamma;
    }

    /** @return the {@code 1×features} shift parameter β */
    public Parameter beta() {
        return beta;
    }

    /** @return the {@code 1×features} running mean μ_r (live) */
    public Matrix runningMean() {
        return runningMean;
    }

    /** @return the {@code 1×features} running variance σ²_r (live) */
    public Matrix runningVariance() {
        return runningVariance;
    }

    /** @return the number of features normalised separately */
    public int features() {
        return features;
    }

    /** @return the values of one feature in one sample (1 for a flat row, h·w for an image) */
    public int valuesPerFeature() {
        return valuesPerFeature;
    }

    /** @return the weight of the old running statistics */
    public double momentum() {
        return momentum;
    }

    /** @return the ε added to the variance */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String describe() {
        return "BatchNormalization(" + features + (valuesPerFeature == 1 ? "" : " channels") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
