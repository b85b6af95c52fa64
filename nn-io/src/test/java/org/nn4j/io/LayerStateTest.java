package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

/**
 * A layer's non-trainable state ({@code Layer.state()}, here a {@link Standardize}'s mean and deviation) is saved
 * under the layer's {@code "state"} in the layer's order, read back by name into the live matrices bit for bit, and
 * checked as parameters are: every name the layer has, no other, none twice, each with its shape, every number
 * finite. Each bad file below is rejected with exactly the message shown, its JSON location included.
 */
class LayerStateTest {

    private static final Matrix DATA = Matrix.of(new double[][] {{1, -20, 3e5}, {2, -10, 4e5}, {4, 40, 5e5}});

    private static Sequential model(Standardize standardize) {
        return Sequential.builder().input(3).layer(standardize).dense(2).activation(new Tanh())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(4).build();
    }

    @Test
    void adaptedStatisticsAreSavedInTheLayersOrderAndReadBackBitForBit() throws IOException {
        Standardize standardize = Standardize.adaptedTo(DATA);
        Sequential model = model(standardize);
        String json = ModelFormat.standard().toJson(model);
        assertTrue(json.contains("    {\n      \"type\": \"standardize\",\n      \"state\": {\n        \"mean\": [\n"
                + "          " + row(standardize.mean()) + "\n        ],\n        \"deviation\": [\n"
                + "          " + row(standardize.deviation()) + "\n        ]\n      }\n    },\n"), json);

        Sequential loaded = ModelFormat.standard().load(new StringReader(json));
        assertEquals(List.of("layers[0].mean", "layers[0].deviation"), List.copyOf(loaded.state().keySet()));
        assertBits(model.state().get("layers[0].mean"), ((Standardize) loaded.layers().get(0)).mean());
        assertBits(model.state().get("layers[0].deviation"), ((Standardize) loaded.layers().get(0)).deviation());
        assertEquals(model.predict(DATA), loaded.predict(DATA));
        assertEquals(json, ModelFormat.standard().toJson(loaded));
    }

    @Test
    void awkwardDoublesInStateSurviveBitForBit() throws IOException {
        Standardize standardize = new Standardize(3);
        standardize.mean().copyFromInPlace(Matrix.of(new double[][] {{-0.0, 4.9E-324, -Double.MAX_VALUE}}));
        standardize.deviation().copyFromInPlace(Matrix.of(new double[][] {{Double.MIN_NORMAL, 0.1, 1e23}}));
        Sequential model = model(standardize);
        Sequential loaded = ModelFormat.standard().load(new StringReader(ModelFormat.standard().toJson(model)));
        assertBits(standardize.mean(), ((Standardize) loaded.layers().get(0)).mean());
        assertBits(standardize.deviation(), ((Standardize) loaded.layers().get(0)).deviation());
    }

    @Test
    void stateThatIsNotFiniteIsNotSaved() {
        Standardize standardize = Standardize.adaptedTo(DATA);
        standardize.deviation().set(0, 1, Double.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFormat.standard().toJson(model(standardize)));
        assertEquals("cannot save layers[0].deviation: element [0][1] is Infinity; the model format holds finite"
                + " numbers only", e.getMessage());
    }

    static Stream<Arguments> badState() {
        return Stream.of(
                Arguments.of("state-wrong-shape.json", "layers[0].state.mean (line 9, column 9): Standardize(2) state"
                        + " \"mean\": expected 1×2, found 1×3"),
                Arguments.of("state-unknown-name.json", "layers[0].state.median (line 15, column 9): unknown state"
                        + " \"median\" for \"standardize\"; expected: mean, deviation"),
                Arguments.of("state-missing-name.json", "layers[0].state (line 6, column 5): missing state"
                        + " \"deviation\" for \"standardize\"; expected: mean, deviation"),
                Arguments.of("state-duplicate-name.json", "layers[0].state.mean (line 15, column 9): duplicate key"
                        + " \"mean\""),
                Arguments.of("state-on-dense.json", "layers[1].state.velocity (line 31, column 17): unknown state"
                        + " \"velocity\" for \"dense\"; expected: none"),
                Arguments.of("state-overflows.json", "layers[0].state.deviation[0][1] (line 13, column 17): expected"
                        + " a finite number, found 1e400 (overflows a double)"),
                Arguments.of("state-is-nan.json", "layers[0].state.deviation[0] (line 13, column 20): malformed"
                        + " JSON: Non-standard token 'NaN' (JSON has no NaN or infinity; the format holds finite"
                        + " numbers only)"),
                Arguments.of("state-is-infinity.json", "layers[0].state.deviation[0] (line 13, column 26): malformed"
                        + " JSON: Non-standard token '-Infinity' (JSON has no NaN or infinity; the format holds"
                        + " finite numbers only)"),
                Arguments.of("state-is-string.json", "layers[0].state.deviation[0][1] (line 13, column 17): expected"
                        + " a number, found the string \"0.125\""),
                Arguments.of("state-in-version-1.json", "layers[1].state (line 23, column 7): unknown key \"state\";"
                        + " expected one of: type, config, parameters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badState")
    void badStateIsRejectedWithItsLocation(String file, String message) throws URISyntaxException {
        Path path = Path.of(getClass().getResource("bad/" + file).toURI());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(path));
        assertEquals(message, e.getMessage());
    }

    /** A 1×k matrix as the file writes it. */
    private static String row(Matrix m) {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < m.cols(); c++) {
            sb.append(c == 0 ? "" : ", ").append(m.get(0, c));
        }
        return sb.append("]").toString();
    }

    private static void assertBits(Matrix expected, Matrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.getFlat(i)), Double.doubleToRawLongBits(actual.getFlat(i)),
                    "element " + i);
        }
    }
}
