package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
 * A model whose optimizer is wrapped in {@link ClipByGlobalNorm} saves the wrapped optimizer as usual plus
 * {@code "clipNorm"}, loads back wrapped again, and resumes training bit for bit (the clip is active in the steps
 * checked: the gradients are longer than the clip). Clipping twice is refused before anything is written.
 */
class ClipNormTest {

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
        assertTrue(json.contains("\"type\": \"adam\""), json);
        assertTrue(json.contains("\"clipNorm\": 0.02,\n"), json);
        assertEquals(List.of(), SchemaValidation.errors(json));

        Checkpoint resumed = ModelFormat.standard().loadCheckpoint(new StringReader(json));
        ClipByGlobalNorm clip = assertInstanceOf(ClipByGlobalNorm.class, resumed.model().optimizer());
        assertEquals(0.02, clip.maxNorm());
        assertInstanceOf(Adam.class, clip.optimizer());
        resumed.model().fit(X, Y, epochs(6));
        straight.parameters().forEach((path, p) ->
                assertEquals(p.value(), resumed.model().parameters().get(path).value(), path));

        // Without the clip the same six epochs end elsewhere: the saved clip is what made the resumed run equal.
        Checkpoint unclipped = ModelFormat.standard().loadCheckpoint(new StringReader(
                json.replace("    \"clipNorm\": 0.02,\n", "")));
        assertInstanceOf(Adam.class, unclipped.model().optimizer());
        unclipped.model().fit(X, Y, epochs(6));
        assertFalse(straight.parameters().get("layers[0].weights").value()
                .equals(unclipped.model().parameters().get("layers[0].weights").value()));
    }

    @Test
    void theClipNormReadsBackToTheSameBits() throws IOException {
        for (double norm : new double[] {1.0, 0.1, 1e-300, 4.9E-324, 1.7976931348623157E308, 2.5}) {
            Sequential m = model(new ClipByGlobalNorm(new Sgd(0.1), norm));
            Sequential back = ModelFormat.standard().load(new StringReader(ModelFormat.standard().toJson(m)));
            ClipByGlobalNorm clip = assertInstanceOf(ClipByGlobalNorm.class, back.optimizer());
            assertEquals(Double.doubleToRawLongBits(norm), Double.doubleToRawLongBits(clip.maxNorm()), "" + norm);
            assertEquals(ModelFormat.standard().toJson(m), ModelFormat.standard().toJson(back));
        }
    }

    @Test
    void clippingTwiceIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Sequential m = model(new ClipByGlobalNorm(new ClipByGlobalNorm(new Sgd(0.1), 1.0), 2.0));
        Path file = dir.resolve("model.json");
        Files.writeString(file, "the old contents");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFormat.standard().save(m, file));
        assertTrue(e.getMessage().startsWith("cannot save the optimizer (ClipByGlobalNorm(maxNorm=2.0, "), e.getMessage());
        assertTrue(e.getMessage().contains("clip once"), e.getMessage());
        assertEquals("the old contents", Files.readString(file));
    }
}
