package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.Momentum;

/**
 * Every built-in type saves and loads: the toolkit's activations, softmax, cross-entropy losses, and momentum and
 * Adam with their state, resuming training bit for bit.
 */
class BuiltInTypesRoundTripTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}});
    private static final Matrix CLASSES = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
    private static final Matrix BINARY = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential classifier() {
        return Sequential.builder().input(3)
                .dense(5).activation(new Tanh())
                .dense(4).activation(new Relu())
                .dense(4).activation(new LeakyRelu(0.2))
                .dense(3).activation(new Softplus())
                .dense(2).activation(new Identity())
                .layer(new Softmax())
                .loss(new CategoricalCrossEntropy()).optimizer(new Adam(0.01, 0.8, 0.95, 1e-7)).seed(5).build();
    }

    private static Sequential binary() {
        return Sequential.builder().input(3).dense(3).activation(new Tanh()).dense(1).activation(new Sigmoid())
                .loss(new BinaryCrossEntropy()).optimizer(Momentum.nesterov(0.1, 0.9)).seed(6).build();
    }

    @Test
    void everyBuiltInTypeRoundTripsAndResumesExactly() throws IOException {
        ModelFormat format = ModelFormat.standard();
        for (Sequential model : List.of(classifier(), binary())) {
            Matrix y = model.outputSize() == 2 ? CLASSES : BINARY;
            model.fit(X, y, 3);
            assertFalse(model.optimizer().state().isEmpty());
            StringWriter out = new StringWriter();
            format.saveCheckpoint(model, TrainingState.of(model, 3), out);
            String json = out.toString();
            assertEquals(List.of(), SchemaValidation.errors(json));

            Checkpoint loaded = format.loadCheckpoint(new StringReader(json));
            StringWriter again = new StringWriter();
            format.saveCheckpoint(loaded.model(), loaded.training().orElseThrow(), again);
            assertEquals(json, again.toString());
            assertEquals(model.predict(X), loaded.model().predict(X));

            model.fit(X, y, 4);
            loaded.model().fit(X, y, 4);
            model.parameters().forEach((path, p) ->
                    assertEquals(p.value(), loaded.model().parameters().get(path).value(), path));
        }
    }

    @Test
    void theBuiltInNamesAreStable() {
        TypeRegistry r = TypeRegistry.builtIns();
        assertEquals(List.of("dense", "softmax", "sigmoid", "tanh", "relu", "leaky-relu", "identity", "softplus"),
                r.layerNames());
        assertEquals(List.of("mse", "binary-cross-entropy", "categorical-cross-entropy"), r.lossNames());
        assertEquals(List.of("sgd", "momentum", "adam"), r.optimizerNames());
    }
}
