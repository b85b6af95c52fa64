package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import org.nn4j.core.model.Sequential;

/**
 * Jazzer fuzzing of the model loader, fed bytes as a file's are read (so the encoding detection of UTF-8 with or
 * without a byte-order mark, UTF-16 and UTF-32 is fuzzed too). The only failure a file may cause is a
 * {@link ModelFormatException}: any other exception, a stack overflow, running out of memory or hanging is a
 * finding. A document that loads must save and load again to the same parameters, layer state and optimizer state.
 *
 * <p>In the normal test run ({@code ./mvnw verify}) this replays the committed corpus in
 * {@code src/test/resources/org/nn4j/io/ModelFormatFuzzTestInputs/load/}. With {@code JAZZER_FUZZ=1} it fuzzes;
 * see {@code docs/reliability.md} for the command and the figures of the documented run.
 */
class ModelFormatFuzzTest {

    private static final ModelFormat FORMAT = ModelFormat.standard();

    @FuzzTest(maxDuration = "10m")
    void load(byte[] data) throws IOException {
        Checkpoint checkpoint;
        try {
            checkpoint = FORMAT.loadCheckpoint(new ByteArrayInputStream(data));
        } catch (ModelFormatException expected) {
            return;
        }
        Sequential model = checkpoint.model();
        Sequential again = FORMAT.load(new StringReader(FORMAT.toJson(model)));
        model.parameters().forEach((path, p) -> assertEquals(p.value(), again.parameters().get(path).value(), path));
        assertEquals(model.state(), again.state());
        assertEquals(model.optimizer().state(), again.optimizer().state());
    }
}
