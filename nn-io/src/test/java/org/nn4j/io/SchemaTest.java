package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The published schema accepts what nn4j saves and rejects structural flaws (the loader rejects more). */
class SchemaTest {

    @Test
    void savedFilesAreValid() throws IOException {
        var model = Models.xor();
        var out = new java.io.StringWriter();
        ModelFormat.standard().saveCheckpoint(model, TrainingState.of(model, 0), out);
        assertEquals(List.of(), SchemaValidation.errors(out.toString()));
        assertEquals(List.of(), SchemaValidation.errors(ModelFormat.standard().toJson(model)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-root-key.json", "unsupported-version.json", "missing-loss.json",
        "class-name-as-type.json", "weight-is-string.json", "zero-input-size.json", "empty-matrix.json",
        "no-layers.json", "unknown-layer-key.json", "config-value-is-array.json", "wrong-format-name.json",
        "negative-clip-norm.json", "zero-clip-norm.json", "clip-norm-is-string.json", "clip-norm-on-loss.json"})
    void structuralFlawsAreInvalid(String file) throws Exception {
        Path bad = Path.of(getClass().getResource("bad/" + file).toURI());
        assertFalse(SchemaValidation.errors(Files.readString(bad)).isEmpty(), file);
    }
}
