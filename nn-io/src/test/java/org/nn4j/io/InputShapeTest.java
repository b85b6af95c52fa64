package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/**
 * A model whose samples have more than one axis (an image, channels×height×width) saves its input shape as
 * {@code "inputShape"} and loads back with the same shape flowing through its layers; a flat model keeps
 * {@code "inputSize"}.
 */
class InputShapeTest {

    private static Matrix images(int rows, int cols, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(0, 255));
        }
        return m;
    }

    @Test
    void anImageShapedModelRoundTripsWithItsShape() throws IOException {
        Matrix x = images(6, 16, 1);
        Matrix y = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Sequential model = Sequential.builder().input(1, 4, 4).layer(Standardize.adaptedTo(x))
                .layer(new Dropout(0.1)).dense(5).activation(new Relu()).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).seed(2).build();
        model.fit(x, y, 2);
        StringWriter out = new StringWriter();
        ModelFormat.standard().saveCheckpoint(model, TrainingState.of(model, 2), out);
        String json = out.toString();
        assertTrue(json.startsWith("{\n  \"format\": \"nn4j-model\",\n  \"version\": 2,\n  \"inputShape\": [1, 4, 4],\n"
                + "  \"layers\": [\n"), json);
        assertFalse(json.contains("inputSize"), json);
        assertEquals(List.of(), SchemaValidation.errors(json));

        Checkpoint loaded = ModelFormat.standard().loadCheckpoint(new StringReader(json));
        Sequential again = loaded.model();
        assertEquals(Shape.of(1, 4, 4), again.inputShape());
        assertEquals(Shape.of(1, 4, 4), again.outputShape(1));
        assertEquals(model.summary(), again.summary());
        assertEquals(model.predict(x), again.predict(x));
        StringWriter resaved = new StringWriter();
        ModelFormat.standard().saveCheckpoint(again, loaded.training().orElseThrow(), resaved);
        assertEquals(json, resaved.toString());
    }

    @Test
    void everyRankFromTwoToEightRoundTrips() throws IOException {
        int[][] shapes = {{3, 2}, {2, 1, 3}, {1, 1, 1, 2}, {2, 1, 1, 1, 1, 1, 1, 2}};
        for (int[] dims : shapes) {
            Sequential model = Sequential.builder().input(dims).dense(2)
                    .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).seed(3).build();
            Sequential again = ModelFormat.standard().load(new StringReader(ModelFormat.standard().toJson(model)));
            assertEquals(Shape.of(dims), again.inputShape());
        }
    }

    @Test
    void aFlatModelKeepsInputSize() {
        String json = ModelFormat.standard().toJson(Models.xor());
        assertTrue(json.contains("\n  \"inputSize\": 2,\n"), json);
        assertFalse(json.contains("inputShape"), json);
    }

    /** A layer that takes flat rows only, to show which shape a layer refused. */
    static final class FlatOnly implements Layer {
        @Override
        public Matrix forward(Matrix input) {
            return input;
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return outputGradient;
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }

        @Override
        public Shape outputShape(Shape inputShape) {
            if (inputShape.rank() != 1) {
                throw new IllegalArgumentException("FlatOnly takes flat rows, got " + inputShape);
            }
            return inputShape;
        }
    }

    @Test
    void aLayerThatRefusesTheShapeIsNamedWithTheShape() {
        ModelFormat format = ModelFormat.of(TypeRegistry.builder()
                .layer("flat-only", FlatOnly.class, layer -> Config.empty(), (inputSize, config) -> new FlatOnly())
                .build());
        String json = "{\"format\": \"nn4j-model\", \"version\": 2, \"inputShape\": [1, 2, 3],\n"
                + "\"layers\": [{\"type\": \"flat-only\"}], \"loss\": {\"type\": \"mse\"},\n"
                + "\"optimizer\": {\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}}";
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> format.load(new StringReader(json)));
        assertEquals("layers[0] (line 2, column 12): layer 0 does not fit its input of shape 1×2×3: FlatOnly takes"
                + " flat rows, got 1×2×3", e.getMessage());
    }
}
