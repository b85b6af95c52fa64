package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * Files written by earlier nn4j versions in format version 1, committed under {@code golden/}; every later version
 * must keep loading them to the same bits. Do not regenerate them; add a new golden file for a new version instead.
 * <ul>
 *   <li>{@code xor-v1.json} (nn4j 0.1.0): the blog's network (seed 42) after 100 full-batch epochs of SGD 0.2, saved
 *       with its training section;</li>
 *   <li>{@code clipped-adam-v1.json} (the version-1 writer with {@code "clipNorm"}): a 2-2-1 sigmoid network trained
 *       2 epochs with {@code ClipByGlobalNorm(Adam(0.1), 0.5)}, seed 1, as {@code FuzzSeeds} builds it.</li>
 * </ul>
 */
class GoldenFileTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    private static String read(String resource) throws IOException {
        try (InputStream in = GoldenFileTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void goldenVersion1FileLoadsToTheBitsTrainingProduces() throws IOException {
        Checkpoint golden = ModelFormat.standard().loadCheckpoint(new StringReader(read("golden/xor-v1.json")));
        Sequential expected = Models.xor();
        expected.fit(X, Y, 100);

        assertEquals(expected.parameters().keySet(), golden.model().parameters().keySet());
        expected.parameters().forEach((path, p) ->
                assertEquals(p.value(), golden.model().parameters().get(path).value(), path));
        assertEquals(expected.predict(X), golden.model().predict(X));
        assertEquals("Sequential(2 → Dense(2→4) → Sigmoid → Dense(4→1) → Sigmoid)", golden.model().toString());
        assertEquals(0.2, ((Sgd) golden.model().optimizer()).learningRate());

        assertTrue(golden.training().isPresent());
        assertEquals(100, golden.training().get().epochsCompleted());
        assertEquals(((NumpyRandom) expected.random()).state(), golden.training().get().random());
    }

    @Test
    void goldenVersion1FileSavesAsVersion2WithOnlyTheVersionChanged() throws IOException {
        // Version 2 adds keys and types but changes none that version 1 had, except the clip.
        String v1 = read("golden/xor-v1.json");
        Checkpoint golden = ModelFormat.standard().loadCheckpoint(new StringReader(v1));
        StringWriter v2 = new StringWriter();
        ModelFormat.standard().saveCheckpoint(golden.model(), golden.training().orElseThrow(), v2);
        assertEquals(v1.replace("\"version\": 1,", "\"version\": 2,"), v2.toString());
    }

    @Test
    void goldenVersion1ClippedFileLoadsAsTheClipItMeans() throws IOException {
        Sequential golden = ModelFormat.standard().load(new StringReader(read("golden/clipped-adam-v1.json")));
        Sequential expected = Sequential.builder().input(2).dense(2).activation(new Sigmoid()).dense(1)
                .activation(new Sigmoid()).loss(new MeanSquaredError())
                .optimizer(new ClipByGlobalNorm(new Adam(0.1), 0.5)).seed(1).build();
        expected.fit(X, Y, TrainingConfig.builder().epochs(2).build());

        expected.parameters().forEach((path, p) ->
                assertEquals(p.value(), golden.parameters().get(path).value(), path));
        assertEquals(expected.optimizer().state(), golden.optimizer().state());
        ClipByGlobalNorm clip = assertInstanceOf(ClipByGlobalNorm.class, golden.optimizer());
        assertEquals(0.5, clip.maxNorm());
        assertEquals(0.1, assertInstanceOf(Adam.class, clip.optimizer()).learningRate());

        // Saved again, the clip is the registered wrapper type around the same Adam, and reads back the same.
        String v2 = ModelFormat.standard().toJson(golden);
        assertTrue(v2.contains("\"type\": \"clip-by-global-norm\",\n    \"config\": {\n      \"maxNorm\": 0.5\n"
                + "    },\n    \"optimizer\": {\n      \"type\": \"adam\",\n"), v2);
        assertEquals(List.of(), SchemaValidation.errors(v2));
        Sequential again = ModelFormat.standard().load(new StringReader(v2));
        assertEquals(golden.optimizer().state(), again.optimizer().state());
        assertEquals(v2, ModelFormat.standard().toJson(again));
    }

    @Test
    void goldenFilesAreValidUnderTheVersion1Schema() throws IOException {
        for (String file : List.of("golden/xor-v1.json", "golden/clipped-adam-v1.json")) {
            assertEquals(List.of(), SchemaValidation.errorsV1(read(file)), file);
        }
    }
}
