package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.nn4j.core.model.Sequential;

/** Every proper prefix of a valid file (a save cut short anywhere) is rejected cleanly with a location. */
class TruncationTest {

    @Test
    void everyPrefixOfACheckpointIsRejected() throws IOException {
        Sequential model = Models.xor();
        StringWriter out = new StringWriter();
        ModelFormat.standard().saveCheckpoint(model, TrainingState.of(model, 7), out);
        String json = out.toString().stripTrailing();   // the final newline is optional: strip it, cut before
        int rejected = 0;
        for (int length = 0; length < json.length(); length++) {
            String prefix = json.substring(0, length);
            try {
                ModelFormat.standard().loadCheckpoint(new StringReader(prefix));
                fail("a prefix of " + length + " characters loaded: ..." + prefix.substring(Math.max(0, length - 40)));
            } catch (ModelFormatException e) {
                assertTrue(e.line() >= 1 || e.path().equals("$"), e.getMessage());
                assertTrue(e.getMessage().startsWith(e.path()), e.getMessage());
                rejected++;
            }
        }
        assertEquals(json.length(), rejected);
        assertEquals(model.parameters().get("layers[0].weights").value(),
                ModelFormat.standard().load(new StringReader(json)).parameters().get("layers[0].weights").value());
        System.out.println("TruncationTest: " + rejected + " prefixes rejected");
    }
}
