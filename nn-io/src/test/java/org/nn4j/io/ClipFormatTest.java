package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.Sgd;

/**
 * Gradient clipping is the registered optimizer type {@code clip-by-global-norm}, a wrapper: its {@code maxNorm}
 * is its configuration, the optimizer it wraps a nested {@code "optimizer"} object, and the state (the wrapped
 * Adam's moments) the outer object's {@code "state"}. A clipped Adam resumes bit for bit (the clip is active in
 * the steps checked: the gradients are longer than the clip); clips nest like any wrapper, up to the format's limit.
 */
class ClipFormatTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}, {0.2, 0.9}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0, 1, 1);

    private static Sequential model(Optimizer optimizer) {
        return Sequential.builder().input(2).dense(3).activation(new Sigmoid()).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(optimizer).seed(3).build();
    }

    private static TrainingConfig epochs(int n) {
        return TrainingConfig.builder().epochs(n).batchSize(4).shuffle(false).build();
    }

    @Test
    void aClippedAdamSavesItsClipAndResumesBitForBit() throws IOException {
        Sequential straight = model(new ClipByGlobalNorm(new Adam(0.05), 0.02));
        straight.fit(X, Y, epochs(12));

        Sequential first = model(new ClipByGlobalNorm(new Adam(0.05), 0.02));
        first.fit(X, Y, epochs(6));
        // The clip is at work: the last step's gradients (clipped in place) are exactly 0.02 long.
        assertEquals(0.02, ClipByGlobalNorm.globalNorm(first.parameters()), 1e-15);
        StringWriter out = new StringWriter();
        ModelFormat.standard().saveCheckpoint(first, TrainingState.of(first, 6), out);
        String json = out.toString();
        assertTrue(json.contains("  \"optimizer\": {\n    \"type\": \"clip-by-global-norm\",\n    \"config\": {\n"
                + "      \"maxNorm\": 0.02\n    },\n    \"optimizer\": {\n      \"type\": \"adam\",\n      \"config\": {\n"
                + "        \"beta1\": 0.9,\n        \"beta2\": 0.999,\n        \"epsilon\": 1.0E-8,\n"
                + "        \"learningRate\": 0.05\n      }\n    },\n    \"state\": {\n      \"m/layers[0].bias\": ["),
                json);
        assertEquals(List.of(), SchemaValidation.errors(json));

        Checkpoint resumed = ModelFormat.standard().loadCheckpoint(new StringReader(json));
        ClipByGlobalNorm clip = assertInstanceOf(ClipByGlobalNorm.class, resumed.model().optimizer());
        assertEquals(0.02, clip.maxNorm());
        assertInstanceOf(Adam.class, clip.optimizer());
        assertEquals(first.optimizer().state(), clip.optimizer().state());
        resumed.model().fit(X, Y, epochs(6));
        straight.parameters().forEach((path, p) ->
                assertEquals(p.value(), resumed.model().parameters().get(path).value(), path));

        // The same Adam without the clip ends elsewhere: the saved clip is what made the resumed run equal.
        Sequential loaded = ModelFormat.standard().loadCheckpoint(new StringReader(json)).model();
        Sequential unclipped = Sequential.of(loaded.inputShape(), loaded.layers(), loaded.loss(),
                ((ClipByGlobalNorm) loaded.optimizer()).optimizer(), loaded.random());
        unclipped.fit(X, Y, epochs(6));
        assertNotEquals(straight.parameters().get("layers[0].weights").value(),
                unclipped.parameters().get("layers[0].weights").value());
    }

    @Test
    void theMaxNormReadsBackToTheSameBits() throws IOException {
        for (double norm : new double[] {1.0, 0.1, 1e-300, 4.9E-324, 1.7976931348623157E308, 2.5}) {
            Sequential m = model(new ClipByGlobalNorm(new Sgd(0.1), norm));
            Sequential back = ModelFormat.standard().load(new StringReader(ModelFormat.standard().toJson(m)));
            ClipByGlobalNorm clip = assertInstanceOf(ClipByGlobalNorm.class, back.optimizer());
            assertEquals(Double.doubleToRawLongBits(norm), Double.doubleToRawLongBits(clip.maxNorm()), "" + norm);
            assertEquals(ModelFormat.standard().toJson(m), ModelFormat.standard().toJson(back));
        }
    }

    @Test
    void aClipInsideAClipIsAWrapperInsideAWrapper() throws IOException {
        Sequential m = model(new ClipByGlobalNorm(new ClipByGlobalNorm(new Adam(0.1), 1.0), 2.0));
        m.fit(X, Y, epochs(2));
        String json = ModelFormat.standard().toJson(m);
        assertTrue(json.contains("\"maxNorm\": 2.0\n    },\n    \"optimizer\": {\n      \"type\": \"clip-by-global-norm\","
                + "\n      \"config\": {\n        \"maxNorm\": 1.0\n      },\n      \"optimizer\": {\n"
                + "        \"type\": \"adam\","), json);
        Sequential back = ModelFormat.standard().load(new StringReader(json));
        ClipByGlobalNorm outer = assertInstanceOf(ClipByGlobalNorm.class, back.optimizer());
        ClipByGlobalNorm inner = assertInstanceOf(ClipByGlobalNorm.class, outer.optimizer());
        assertEquals(2.0, outer.maxNorm());
        assertEquals(1.0, inner.maxNorm());
        assertEquals(m.optimizer().state(), back.optimizer().state());
        assertEquals(json, ModelFormat.standard().toJson(back));
    }

    @Test
    void wrappingDeeperThanTheFormatAllowsIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Optimizer clips = new Sgd(0.1);
        for (int i = 0; i < 7; i++) {
            clips = new ClipByGlobalNorm(clips, 1.0 + i);
        }
        Sequential deepest = model(new ClipByGlobalNorm(clips, 10.0));   // 7 clips and Sgd nested in the outermost
        assertEquals(ModelFormat.standard().toJson(deepest),
                ModelFormat.standard().toJson(ModelFormat.standard().load(new StringReader(
                        ModelFormat.standard().toJson(deepest)))));

        Sequential tooDeep = model(new ClipByGlobalNorm(new ClipByGlobalNorm(clips, 10.0), 11.0));
        Path file = dir.resolve("model.json");
        Files.writeString(file, "the old contents");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFormat.standard().save(tooDeep, file));
        assertTrue(e.getMessage().startsWith("cannot save the optimizer (ClipByGlobalNorm(maxNorm=11.0, "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): it wraps more than 8 optimizers one in another"), e.getMessage());
        assertEquals("the old contents", Files.readString(file));
    }
}
