package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;

/**
 * The published schemas accept what nn4j saves (version 2) and what it saved before (version 1), and reject
 * structural flaws (the loader rejects more).
 */
class SchemaTest {

    @Test
    void savedFilesAreValid() throws IOException {
        var model = Models.xor();
        var out = new java.io.StringWriter();
        ModelFormat.standard().saveCheckpoint(model, TrainingState.of(model, 0), out);
        assertEquals(List.of(), SchemaValidation.errors(out.toString()));
        assertEquals(List.of(), SchemaValidation.errors(ModelFormat.standard().toJson(model)));
    }

    @Test
    void filesWithStateAnImageShapeAndAWrappedOptimizerAreValid() {
        Sequential model = Sequential.builder().input(1, 2, 2).layer(new Standardize(4)).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new ClipByGlobalNorm(new ClipByGlobalNorm(
                        new Adam(0.1), 2.0), 1.0)).seed(1).build();
        String json = ModelFormat.standard().toJson(model);
        assertEquals(List.of(), SchemaValidation.errors(json));
        assertFalse(SchemaValidation.errorsV1(json).isEmpty(), "a version-1 schema must refuse version 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-root-key.json", "unsupported-version.json", "missing-loss.json",
        "class-name-as-type.json", "weight-is-string.json", "zero-input-size.json", "empty-matrix.json",
        "no-layers.json", "unknown-layer-key.json", "config-value-is-array.json", "wrong-format-name.json",
        "clip-norm-in-version-2.json", "input-shape-and-size.json", "input-shape-one-axis.json",
        "input-shape-zero-axis.json", "input-shape-too-many-axes.json", "input-shape-is-string.json",
        "missing-input.json", "state-is-string.json", "state-in-wrapped-optimizer.json"})
    void structuralFlawsAreInvalid(String file) throws Exception {
        assertFalse(SchemaValidation.errors(read(file)).isEmpty(), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"negative-clip-norm.json", "zero-clip-norm.json", "clip-norm-is-string.json",
        "clip-norm-on-loss.json", "state-in-version-1.json", "input-shape-in-version-1.json"})
    void structuralFlawsOfVersion1FilesAreInvalidUnderItsSchema(String file) throws Exception {
        assertFalse(SchemaValidation.errorsV1(read(file)).isEmpty(), file);
    }

    private String read(String file) throws Exception {
        return Files.readString(Path.of(getClass().getResource("bad/" + file).toURI()));
    }
}
