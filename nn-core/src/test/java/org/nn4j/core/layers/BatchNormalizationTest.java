package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.FixedTraining;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

class BatchNormalizationTest {

    private static final double TOLERANCE = 1e-15;

    /** Two features, γ = (2, 1), β = (0.5, −1), momentum 0.9, ε = 0.25. */
    private static BatchNormalization flat() {
        BatchNormalization norm = new BatchNormalization(2, 1, 0.9, 0.25);
        norm.gamma().value().copyFromInPlace(Matrix.rowVector(2, 1));
        norm.beta().value().copyFromInPlace(Matrix.rowVector(0.5, -1));
        return norm;
    }

    @Test
    void trainingUsesTheBatchStatisticsAndMovesTheRunningOnes() {
        // Column 0 holds 0 and 2.4: μ = 1.2, σ² = 1.44, √(σ² + ε) = √1.69 = 1.3, x̂ = ∓1.2/1.3,
        //   y = 2·x̂ + 0.5 = 0.5 ∓ 2.4/1.3.
        // Column 1 holds 3 and 3: μ = 3, σ² = 0, √0.25 = 0.5, x̂ = 0, y = β = −1.
        BatchNormalization norm = flat();
        Matrix y = norm.forward(Matrix.of(new double[][] {{0, 3}, {2.4, 3}}), new FixedTraining(1));
        assertEquals(0.5 - 2.4 / 1.3, y.get(0, 0), TOLERANCE);
        assertEquals(0.5 + 2.4 / 1.3, y.get(1, 0), TOLERANCE);
        assertEquals(-1, y.get(0, 1), TOLERANCE);
        assertEquals(-1, y.get(1, 1), TOLERANCE);
        // μ_r = 0.9·0 + 0.1·(1.2, 3) = (0.12, 0.3);  σ²_r = 0.9·1 + 0.1·(1.44, 0) = (1.044, 0.9).
        assertEquals(0.12, norm.runningMean().get(0, 0), TOLERANCE);
        assertEquals(0.3, norm.runningMean().get(0, 1), TOLERANCE);
        assertEquals(1.044, norm.runningVariance().get(0, 0), TOLERANCE);
        assertEquals(0.9, norm.runningVariance().get(0, 1), TOLERANCE);
    }

    @Test
    void trainingBackwardByHand() {
        // Column 0 as above (x̂ = (−12/13, 12/13)), δ = (1, 0): mean(δ) = 0.5, mean(δ·x̂) = −6/13,
        //   ∂L/∂x = γ/1.3 · (δ − 0.5 − x̂·(−6/13)) = (2/1.3)·(0.5 − 72/169, −0.5 + 72/169)
        //   ∂L/∂γ = Σ δ·x̂ = −12/13,  ∂L/∂β = Σ δ = 1.   Column 1 has δ = 0: nothing flows.
        BatchNormalization norm = flat();
        Matrix x = Matrix.of(new double[][] {{0, 3}, {2.4, 3}});
        FixedTraining training = new FixedTraining(1);
        Matrix y = norm.forward(x, training);
        Matrix dx = norm.backward(x, y, Matrix.of(new double[][] {{1, 0}, {0, 0}}), training);
        assertEquals(2 / 1.3 * (0.5 - 72.0 / 169), dx.get(0, 0), 1e-14);
        assertEquals(-2 / 1.3 * (0.5 - 72.0 / 169), dx.get(1, 0), 1e-14);
        assertEquals(0, dx.get(0, 1), TOLERANCE);
        assertEquals(-12.0 / 13, norm.gamma().gradient().get(0, 0), TOLERANCE);
        assertEquals(1, norm.beta().gradient().get(0, 0), TOLERANCE);
    }

    @Test
    void predictingUsesTheRunningStatistics() {
        // μ_r = (1, −1), σ²_r = (0.75, 3.75): √(σ²_r + ε) = (1, 2).  x = (3, 5): y = (2·2/1 + 0.5, 1·6/2 − 1) = (4.5, 2).
        BatchNormalization norm = flat();
        norm.runningMean().copyFromInPlace(Matrix.rowVector(1, -1));
        norm.runningVariance().copyFromInPlace(Matrix.rowVector(0.75, 3.75));
        Matrix x = Matrix.rowVector(3, 5);
        assertEquals(Matrix.rowVector(4.5, 2), norm.forward(x));
        // ∂L/∂x = γ/√(σ²_r + ε)·δ = (2, 0.5)·δ;  ∂L/∂γ = δ·x̂ = δ·(2, 3);  ∂L/∂β = δ.
        assertEquals(Matrix.rowVector(2, 1.5), norm.backward(x, norm.forward(x), Matrix.rowVector(1, 3)));
        assertEquals(Matrix.rowVector(2, 9), norm.gamma().gradient());
        assertEquals(Matrix.rowVector(1, 3), norm.beta().gradient());
    }

    @Test
    void anImageIsNormalisedPerChannel() {
        // One 2×1×2 image: channel 0 holds 1 and 3 (μ = 2, σ² = 1), channel 1 holds 5 and 5 (μ = 5, σ² = 0).
        // With γ = 1, β = 0, ε = 0.25: channel 0 → ∓1/√1.25, channel 1 → 0.
        BatchNormalization norm = BatchNormalization.forShape(Shape.of(2, 1, 2), 0.5, 0.25);
        assertEquals(2, norm.features());
        assertEquals(2, norm.valuesPerFeature());
        Matrix y = norm.forward(Matrix.rowVector(1, 3, 5, 5), new FixedTraining(1));
        assertEquals(-1 / Math.sqrt(1.25), y.get(0, 0), TOLERANCE);
        assertEquals(1 / Math.sqrt(1.25), y.get(0, 1), TOLERANCE);
        assertEquals(0, y.get(0, 2), TOLERANCE);
        assertEquals(Matrix.rowVector(1, 2.5), norm.runningMean());             // 0.5·0 + 0.5·(2, 5)
        assertEquals(Matrix.rowVector(1, 0.5), norm.runningVariance());         // 0.5·1 + 0.5·(1, 0)
        assertEquals(Shape.of(2, 1, 2), norm.outputShape(Shape.of(2, 1, 2)));
    }

    @Test
    void copiesAreIndependentAndTheBuilderPlacesItPerChannel() {
        BatchNormalization norm = flat();
        norm.runningMean().set(0, 0, 4);
        BatchNormalization copy = norm.copy();
        assertEquals(norm.state(), copy.state());
        assertEquals(norm.gamma().value(), copy.gamma().value());
        copy.runningMean().set(0, 0, 5);
        assertEquals(4, norm.runningMean().get(0, 0));

        Sequential model = Sequential.builder().input(1, 4, 4).conv2d(3, 3).batchNormalization().flatten().dense(2)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Sgd(0.1)).seed(1).build();
        BatchNormalization built = (BatchNormalization) model.layers().get(1);
        assertEquals("BatchNormalization(3 channels)", built.describe());
        assertEquals(0.99, built.momentum());
        assertEquals(0.001, built.epsilon());
        assertEquals(java.util.List.of("layers[1].runningMean", "layers[1].runningVariance"),
                java.util.List.copyOf(model.state().keySet()));
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("BatchNormalization: momentum must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(2, 1, 1.0, 0.1))
                        .getMessage());
        assertEquals("BatchNormalization: epsilon must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new BatchNormalization(2, 1, 0.9, 0))
                        .getMessage());
        assertEquals("BatchNormalization(2).forward: input has 3 columns, expected 2",
                assertThrows(IllegalArgumentException.class, () -> flat().forward(Matrix.zeros(1, 3))).getMessage());
    }
}
