package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

class SequentialBuilderTest {

    @Test
    void anEmptyBuilderListsEverythingMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sequential.builder().build());
        assertEquals("Sequential.builder: missing input(size), at least one layer (dense, activation or layer), "
                + "loss(...), optimizer(...), seed(...) or random(...)", e.getMessage());
    }

    @Test
    void noLayers() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sequential.builder()
                .input(2).loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build());
        assertEquals("Sequential.builder: missing at least one layer (dense, activation or layer)", e.getMessage());
    }

    @Test
    void noLoss() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sequential.builder()
                .input(2).dense(1).optimizer(new Sgd(0.1)).seed(1).build());
        assertEquals("Sequential.builder: missing loss(...)", e.getMessage());
    }

    @Test
    void mismatchedSizesNameTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sequential.builder()
                .input(2).dense(4).activation(new Sigmoid()).layer(new Dense(3, 1))
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build());
        assertEquals("Sequential: layer 2 (Dense(3→1)) does not fit: Dense(3→1): input has 4 columns, expected 3",
                e.getMessage());
    }

    @Test
    void nonPositiveSizesAreRejectedWhereTheyAreGiven() {
        assertEquals("Sequential.builder: input size must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Sequential.builder().input(0)).getMessage());
        assertEquals("Sequential.builder: dense units must be positive, got -3 (layer 1)",
                assertThrows(IllegalArgumentException.class,
                        () -> Sequential.builder().input(2).dense(4).dense(-3)).getMessage());
        assertEquals("Sgd: learning rate must be positive and finite, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Sgd(0)).getMessage());
    }

    @Test
    void sizesAreInferredLayerToLayer() {
        Sequential model = Sequential.builder().input(3).dense(5).activation(new Sigmoid()).dense(2)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        assertEquals(3, model.inputSize());
        assertEquals(2, model.outputSize());
        assertEquals("Sequential(3 → Dense(3→5) → Sigmoid → Dense(5→2))", model.toString());
        assertEquals(java.util.List.of("layers[0].weights", "layers[0].bias", "layers[2].weights", "layers[2].bias"),
                java.util.List.copyOf(model.parameters().keySet()));
        assertEquals(3 * 5 + 5 + 5 * 2 + 2, model.parameterCount());
        assertEquals("Sequential.predict: input has 2 columns, expected 3",
                assertThrows(IllegalArgumentException.class, () -> model.predict(Matrix.zeros(1, 2))).getMessage());
    }

    @Test
    void fitChecksTheDataAgainstTheModel() {
        Sequential model = Sequential.builder().input(2).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        assertEquals("fit: training targets have 2 columns, the model outputs 1",
                assertThrows(IllegalArgumentException.class,
                        () -> model.fit(Matrix.zeros(4, 2), Matrix.zeros(4, 2), 1)).getMessage());
        assertEquals("fit: training inputs have 4 rows but targets have 3",
                assertThrows(IllegalArgumentException.class,
                        () -> model.fit(Matrix.zeros(4, 2), Matrix.zeros(3, 1), 1)).getMessage());
        Matrix x = Matrix.zeros(4, 2);
        x.set(2, 1, Double.NaN);
        assertEquals("fit: training inputs hold NaN at row 2, column 1",
                assertThrows(IllegalArgumentException.class, () -> model.fit(x, Matrix.zeros(4, 1), 1)).getMessage());
    }
}
