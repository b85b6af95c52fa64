package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.io.CustomActivationTest.Softsign;

/**
 * A user's activation, a user's layer with state and a user's optimizer wrapper register with the same builder
 * calls as the built-ins ({@code sigmoid}, {@code standardize}, {@code clip-by-global-norm}), land in the same
 * namespaces, are saved in the same form, and resume training bit for bit, nested in and around the built-ins.
 */
class PluginRegistrationTest {

    /**
     * Adds a fixed offset to every sample, kept as non-trainable state:
     * {@code output = input + b}, {@code ∂L/∂input = ∂L/∂output}, {@code b} the 1×k state {@code "offset"}.
     */
    static final class Shift implements Layer {
        private final Matrix offset;

        Shift(int size) {
            this.offset = Matrix.zeros(1, size);
        }

        @Override
        public Matrix forward(Matrix input) {
            return input.plusRow(offset);
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return outputGradient;
        }

        @Override
        public int outputSize(int inputSize) {
            if (inputSize != offset.cols()) {
                throw new IllegalArgumentException("Shift: input has " + inputSize + " columns, expected "
                        + offset.cols());
            }
            return inputSize;
        }

        @Override
        public Shape outputShape(Shape inputShape) {
            outputSize(inputShape.size());
            return inputShape;
        }

        @Override
        public Map<String, Matrix> state() {
            return Map.of("offset", offset);
        }

        @Override
        public Layer copy() {
            Shift copy = new Shift(offset.cols());
            copy.offset.copyFromInPlace(offset);
            return copy;
        }
    }

    /**
     * Learning-rate warm-up around any optimizer: at step t the gradients are scaled by min(1, (t + 1) / steps)
     * before the wrapped optimizer steps. Its state is its step count plus the wrapped optimizer's state.
     */
    static final class WarmUp implements Optimizer {
        private static final String STEP = "warm-up/step";
        private final Optimizer optimizer;
        private final int steps;
        private long step;

        WarmUp(Optimizer optimizer, int steps) {
            if (steps <= 0) {
                throw new IllegalArgumentException("WarmUp: steps must be positive, got " + steps);
            }
            this.optimizer = optimizer;
            this.steps = steps;
        }

        Optimizer optimizer() {
            return optimizer;
        }

        int steps() {
            return steps;
        }

        @Override
        public void update(Map<String, Parameter> parameters) {
            double factor = Math.min(1.0, (step + 1.0) / steps);
            parameters.values().forEach(p -> p.gradient().scaleInPlace(factor));
            optimizer.update(parameters);
            step++;
        }

        @Override
        public Map<String, Matrix> state() {
            Map<String, Matrix> state = new LinkedHashMap<>(optimizer.state());
            state.put(STEP, Matrix.filled(1, 1, step));
            return state;
        }

        @Override
        public void restoreState(Map<String, Matrix> state) {
            Map<String, Matrix> rest = new LinkedHashMap<>(state);
            Matrix saved = rest.remove(STEP);
            step = saved == null ? 0 : (long) saved.get(0, 0);
            optimizer.restoreState(rest);
        }
    }

    private static final ModelFormat FORMAT = ModelFormat.of(TypeRegistry.builder()
            .activation("softsign", Softsign.class, Softsign::new)
            .layer("shift", Shift.class, shift -> Config.empty(), (inputSize, config) -> new Shift(inputSize))
            .optimizerWrapper("warm-up", WarmUp.class, w -> Config.of("steps", w.steps()), WarmUp::optimizer,
                    (config, wrapped) -> new WarmUp(wrapped, config.getInt("steps")))
            .build());

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential model() {
        Shift shift = new Shift(3);
        shift.offset.copyFromInPlace(Matrix.of(new double[][] {{-0.5, 0.25, 4.9E-324}}));
        return Sequential.builder().input(3)
                .layer(shift)
                .dense(4).activation(new Softsign())
                .dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError())
                .optimizer(new WarmUp(new ClipByGlobalNorm(new Adam(0.05), 0.5), 5)).seed(11).build();
    }

    private static TrainingConfig epochs(int n) {
        return TrainingConfig.builder().epochs(n).batchSize(2).build();
    }

    @Test
    void userTypesJoinTheNamespacesOfTheBuiltIns() {
        TypeRegistry registry = FORMAT.registry();
        assertEquals(List.of("softsign", "shift"), registry.layerNames().subList(14, 16));
        assertEquals(List.of("sgd", "momentum", "adam", "clip-by-global-norm", "weight-decay", "scheduled",
                "warm-up"), registry.optimizerNames());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> TypeRegistry.builder()
                .layer("sigmoid", Shift.class, shift -> Config.empty(), (inputSize, config) -> new Shift(inputSize)));
        assertEquals("TypeRegistry: layer name \"sigmoid\" is registered already", taken.getMessage());
    }

    @Test
    void aUserActivationIsSavedAsTheBuiltInsAre() {
        String json = FORMAT.toJson(model());
        assertTrue(json.contains("    {\n      \"type\": \"softsign\"\n    },\n"), json);
        assertTrue(json.contains("    {\n      \"type\": \"sigmoid\"\n    }\n"), json);
        assertTrue(json.contains("    {\n      \"type\": \"shift\",\n      \"state\": {\n        \"offset\": [\n"
                + "          [-0.5, 0.25, 4.9E-324]\n        ]\n      }\n    },\n"), json);
        assertTrue(json.contains("  \"optimizer\": {\n    \"type\": \"warm-up\",\n    \"config\": {\n      \"steps\": 5\n"
                + "    },\n    \"optimizer\": {\n      \"type\": \"clip-by-global-norm\",\n      \"config\": {\n"
                + "        \"maxNorm\": 0.5\n      },\n      \"optimizer\": {\n        \"type\": \"adam\",\n"), json);
        assertEquals(List.of(), SchemaValidation.errors(json));
    }

    @Test
    void userTypesRoundTripAndResumeBitForBit() throws IOException {
        Sequential straight = model();
        straight.fit(X, Y, epochs(6));

        Sequential first = model();
        first.fit(X, Y, epochs(3));
        StringWriter out = new StringWriter();
        FORMAT.saveCheckpoint(first, TrainingState.of(first, 3), out);
        String json = out.toString();
        assertTrue(json.contains("\"warm-up/step\": [\n        [6.0]\n      ]"), json);

        Checkpoint resumed = FORMAT.loadCheckpoint(new StringReader(json));
        Sequential model = resumed.model();
        assertEquals(-0.5, model.state().get("layers[0].offset").get(0, 0));
        assertInstanceOf(Softsign.class, ((ActivationLayer) model.layers().get(2)).activation());
        WarmUp warmUp = assertInstanceOf(WarmUp.class, model.optimizer());
        assertInstanceOf(Adam.class, assertInstanceOf(ClipByGlobalNorm.class, warmUp.optimizer()).optimizer());
        StringWriter again = new StringWriter();
        FORMAT.saveCheckpoint(model, resumed.training().orElseThrow(), again);
        assertEquals(json, again.toString());

        model.fit(X, Y, epochs(3));
        straight.parameters().forEach((path, p) -> assertEquals(p.value(), model.parameters().get(path).value(), path));
        assertEquals(straight.state(), model.state());
        assertEquals(straight.optimizer().state(), model.optimizer().state());
    }

    @Test
    void aUserWrapperIsCheckedAsTheClipIs() {
        String json = FORMAT.toJson(model());
        String unwrapped = json.substring(0, json.indexOf(",\n    \"optimizer\": {\n      \"type\": \"clip-by"))
                + json.substring(json.indexOf(",\n    \"state\": {"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> FORMAT.load(new StringReader(
                unwrapped)));
        assertEquals("optimizer", e.path());
        assertEquals("missing key \"optimizer\": \"warm-up\" wraps another optimizer", e.problem());
        ModelFormatException unknown = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(json)));
        assertEquals("layers[0].type", unknown.path());
        assertTrue(unknown.problem().startsWith("unknown layer type \"shift\"; registered: dense, softmax, "),
                unknown.problem());
    }
}
