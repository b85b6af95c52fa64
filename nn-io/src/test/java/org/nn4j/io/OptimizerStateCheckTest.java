package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nn4j.api.Matrix;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.Momentum;

/**
 * Issue 15, gap 2: an optimizer's saved state is checked when the file loads, against what the optimizer declares
 * ({@code Optimizer.stateSlots()}) and the model's parameters, so a bad state is a format error naming its place
 * before any training could resume from it. Each file below is a checkpoint nn4j saved with one entry changed.
 */
class OptimizerStateCheckTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    /** A 2-2-1 network trained 2 epochs with Adam: its state holds m, v and step for 4 parameters. */
    private static String adamJson() {
        Sequential model = Sequential.builder().input(2).dense(2)
                .activation(new org.nn4j.core.activations.Tanh()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Adam(0.01)).random(new java.util.Random(7)).build();
        model.fit(X, Y, TrainingConfig.builder().epochs(2).build());
        return ModelFormat.standard().toJson(model);
    }

    /** The text of one state entry, {@code "key": [[...]]} up to its closing brackets. */
    private static String entry(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("\"" + key + "\"")
                + ": \\[\\s*\\[.*?\\]\\s*\\]", java.util.regex.Pattern.DOTALL).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no entry " + key + " in " + json);
        }
        return m.group();
    }

    private static ModelFormatException refused(String json) {
        return assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(new StringReader(json)));
    }

    static Stream<Arguments> badStates() {
        String json = adamJson();
        String m = entry(json, "m/layers[0].weights");
        String step = entry(json, "step/layers[0].weights");
        String v = entry(json, "v/layers[2].bias");
        return Stream.of(
                Arguments.of("m of the wrong shape", json.replace(m, "\"m/layers[0].weights\": [[0.5, 0.5]]"),
                        "optimizer.state[\"m/layers[0].weights\"]",
                        "state m/layers[0].weights: expected 2×2 (the parameter's shape), found 1×2"),
                Arguments.of("step of the wrong shape", json.replace(step, "\"step/layers[0].weights\": [[2, 2]]"),
                        "optimizer.state[\"step/layers[0].weights\"]",
                        "state step/layers[0].weights: expected 1×1, found 1×2"),
                Arguments.of("negative v", json.replace(v, "\"v/layers[2].bias\": [[-1.0]]"),
                        "optimizer.state[\"v/layers[2].bias\"]",
                        "state v/layers[2].bias: expected a finite number ≥ 0, found -1.0 at [0][0]"),
                Arguments.of("negative step", json.replace(step, "\"step/layers[0].weights\": [[-3.0]]"),
                        "optimizer.state[\"step/layers[0].weights\"]",
                        "state step/layers[0].weights: expected a whole number from 0 to 2^53, found -3.0 at [0][0]"),
                Arguments.of("fractional step", json.replace(step, "\"step/layers[0].weights\": [[1.5]]"),
                        "optimizer.state[\"step/layers[0].weights\"]",
                        "state step/layers[0].weights: expected a whole number from 0 to 2^53, found 1.5 at [0][0]"),
                Arguments.of("a key naming a layer that is not there", json.replace(m,
                        m + ",\n      \"m/layers[99].weights\": [[0.0]]"),
                        "optimizer.state[\"m/layers[99].weights\"]",
                        "state key \"m/layers[99].weights\" names no parameter of the model; parameters:"
                                + " layers[0].weights, layers[0].bias, layers[2].weights, layers[2].bias"),
                Arguments.of("a key naming a parameter that is not there", json.replace(m,
                        m + ",\n      \"m/layers[0].gamma\": [[0.0]]"),
                        "optimizer.state[\"m/layers[0].gamma\"]",
                        "state key \"m/layers[0].gamma\" names no parameter of the model; parameters:"
                                + " layers[0].weights, layers[0].bias, layers[2].weights, layers[2].bias"),
                Arguments.of("a key that is no slot", json.replace(m, m + ",\n      \"garbage\": [[0.0]]"),
                        "optimizer.state.garbage",
                        "keeps no state \"garbage\"; expected <slot>/<parameter path> with slot one of: m, v, step"),
                Arguments.of("a slot Adam does not keep", json.replace(m,
                        m + ",\n      \"velocity/layers[0].weights\": [[0.0, 0.0], [0.0, 0.0]]"),
                        "optimizer.state[\"velocity/layers[0].weights\"]",
                        "keeps no state \"velocity/layers[0].weights\"; expected <slot>/<parameter path> with slot one"
                                + " of: m, v, step"),
                Arguments.of("a missing v", json.replace(",\n      " + v, ""), "optimizer.state",
                        "missing state \"v/layers[2].bias\" of Adam(learningRate=0.01, beta1=0.9, beta2=0.999,"
                                + " epsilon=1.0E-8): a saved state holds every slot (m, v, step) of every parameter,"
                                + " or is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStates")
    void aBadStateIsAFormatErrorAtItsKey(String what, String json, String path, String problem) {
        ModelFormatException e = refused(json);
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().endsWith(problem), e.getMessage());
    }

    @Test
    void aValidStateLoadsAndAnEmptyOneMeansNoStepYet() throws IOException {
        String json = adamJson();
        Sequential loaded = ModelFormat.standard().load(new StringReader(json));
        assertEquals(12, loaded.optimizer().state().size());
        assertEquals(json, ModelFormat.standard().toJson(loaded));
        Sequential fresh = Sequential.builder().input(2).dense(1).loss(new MeanSquaredError())
                .optimizer(new Adam(0.01)).random(new java.util.Random(1)).build();
        assertEquals(0, ModelFormat.standard().load(new StringReader(ModelFormat.standard().toJson(fresh)))
                .optimizer().state().size());
    }

    @Test
    void theClipChecksTheStateOfTheOptimizerItWraps() {
        Sequential model = Sequential.builder().input(2).dense(1).loss(new MeanSquaredError())
                .optimizer(new ClipByGlobalNorm(Momentum.classical(0.1, 0.9), 1.0))
                .random(new java.util.Random(3)).build();
        model.fit(X, Y, TrainingConfig.builder().epochs(1).build());
        String json = ModelFormat.standard().toJson(model);
        ModelFormatException e = refused(json.replace(entry(json, "velocity/layers[0].bias"),
                "\"velocity/layers[0].bias\": [[0.0], [0.0]]"));
        assertEquals("optimizer.state[\"velocity/layers[0].bias\"]", e.path());
        assertEquals("ClipByGlobalNorm(maxNorm=1.0, Momentum(learningRate=0.1, momentum=0.9, nesterov=false)):"
                + " state velocity/layers[0].bias:"
                + " expected 1×1 (the parameter's shape), found 2×1", e.problem());
    }
}
