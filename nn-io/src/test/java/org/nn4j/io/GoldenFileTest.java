package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.random.NumpyRandom;

/**
 * {@code golden/xor-v1.json} was written by nn4j 0.1.0 (format version 1): the blog's network (seed 42) after 100
 * full-batch epochs of SGD 0.2, saved with its training section. Every later version must keep loading it to the
 * same bits. Do not regenerate it; add a new golden file for a new version instead.
 */
class GoldenFileTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    @Test
    void goldenVersion1FileLoadsToTheBitsTrainingProduces() throws IOException {
        Checkpoint golden;
        try (InputStream in = getClass().getResourceAsStream("golden/xor-v1.json")) {
            golden = ModelFormat.standard().loadCheckpoint(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Sequential expected = Models.xor();
        expected.fit(X, Y, 100);

        assertEquals(expected.parameters().keySet(), golden.model().parameters().keySet());
        expected.parameters().forEach((path, p) ->
                assertEquals(p.value(), golden.model().parameters().get(path).value(), path));
        assertEquals(expected.predict(X), golden.model().predict(X));
        assertEquals("Sequential(2 → Dense(2→4) → Sigmoid → Dense(4→1) → Sigmoid)", golden.model().toString());
        assertEquals(0.2, ((org.nn4j.core.optimizers.Sgd) golden.model().optimizer()).learningRate());

        assertTrue(golden.training().isPresent());
        assertEquals(100, golden.training().get().epochsCompleted());
        assertEquals(((NumpyRandom) expected.random()).state(), golden.training().get().random());
    }

    @Test
    void goldenFileIsValidUnderTheSchema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("golden/xor-v1.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(java.util.List.of(), SchemaValidation.errors(json));
        }
    }
}
