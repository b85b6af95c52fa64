package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.nn4j.core.model.Sequential;

/**
 * Jazzer fuzzing of the model loader. The only failure a file may cause is a {@link ModelFormatException}: any
 * other exception, a stack overflow, running out of memory or hanging is a finding. A document that loads must
 * save and load again to the same parameters, layer state and optimizer state.
 *
 * <p>In the normal test run ({@code ./mvnw verify}) this replays the committed corpus in
 * {@code src/test/resources/org/nn4j/io/ModelFormatFuzzTestInputs/load/}. With {@code JAZZER_FUZZ=1} it fuzzes;
 * see {@code docs/reliability.md} for the command and the figures of the documented run.
 */
class ModelFormatFuzzTest {

    private static final ModelFormat FORMAT = ModelFormat.standard();

    @FuzzTest(maxDuration = "5m")
    void load(byte[] data) throws IOException {
        String document = new String(data, StandardCharsets.UTF_8);
        Checkpoint checkpoint;
        try {
            checkpoint = FORMAT.loadCheckpoint(new StringReader(document));
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
