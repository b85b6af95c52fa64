package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;

/**
 * Feature names and class labels travel with the model in version 2 ({@code "featureNames"}, {@code "classLabels"}):
 * saved, loaded, valid under the schema, checked against the model's sizes, and absent from unnamed models' files.
 */
class ModelNamesFormatTest {

    private static final ModelNames NAMES = ModelNames.of(List.of("sepal \"length\"", "width"),
            List.of("setosa", "versicolor", "virginica"));

    private static Sequential named() {
        return Sequential.builder().input(2).layer(new Standardize(2)).dense(3).names(NAMES)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.1)).seed(1).build();
    }

    @Test
    void namesRoundTripAndKeepTheSchema() throws IOException {
        String json = ModelFormat.standard().toJson(named());
        assertTrue(json.contains("  \"featureNames\": [\"sepal \\\"length\\\"\", \"width\"],\n"), json);
        assertTrue(json.contains("  \"classLabels\": [\"setosa\", \"versicolor\", \"virginica\"],\n"), json);
        assertEquals(List.of(), SchemaValidation.errors(json));
        Sequential loaded = ModelFormat.standard().load(new StringReader(json));
        assertEquals(NAMES, loaded.names());
        assertEquals(NAMES, loaded.snapshot().names());
        assertEquals(json, ModelFormat.standard().toJson(loaded));
    }

    @Test
    void unnamedModelsWriteNoNames() {
        String json = ModelFormat.standard().toJson(named().withNames(ModelNames.NONE));
        assertFalse(json.contains("featureNames") || json.contains("classLabels"), json);
    }

    @Test
    void namesThatDoNotFitTheModelAreRejectedWithTheirLocation() {
        String json = ModelFormat.standard().toJson(named()).replace("\"width\"]", "\"width\", \"depth\"]");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(json)));
        assertTrue(e.getMessage().startsWith("featureNames (line 5,"), e.getMessage());
        assertTrue(e.getMessage().contains("3 feature names for 2 input columns"), e.getMessage());
        String twice = ModelFormat.standard().toJson(named()).replace("\"virginica\"", "\"setosa\"");
        ModelFormatException e2 = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(twice)));
        assertTrue(e2.getMessage().contains("hold \"setosa\" twice"), e2.getMessage());
        assertFalse(SchemaValidation.errors(twice).isEmpty());
    }

    @Test
    void version1FilesHaveNoNames() {
        String v1 = "{\"format\": \"nn4j-model\", \"version\": 1, \"inputSize\": 1, \"featureNames\": [\"x\"],"
                + " \"layers\": [{\"type\": \"sigmoid\"}], \"loss\": {\"type\": \"mse\"},"
                + " \"optimizer\": {\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}}";
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(v1)));
        assertTrue(e.getMessage().contains("unknown key \"featureNames\""), e.getMessage());
    }
}
