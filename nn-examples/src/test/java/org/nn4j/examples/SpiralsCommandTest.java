package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code spirals} example with its defaults: three arms, at least 0.95 test accuracy, the same run twice. */
class SpiralsCommandTest {

    static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new CommandLine(new SpiralsCommand(out)).execute(args);
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static double accuracy(String output, String which) {
        String prefix = which + " accuracy: ";
        return output.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()).split(" ")[0])).findFirst().orElseThrow(() -> new AssertionError(output));
    }

    @Test
    void defaultsReachAtLeast95PercentTestAccuracyTheSameWayTwice() {
        String first = run();
        double test = accuracy(first, "test");
        System.out.println("spirals (defaults): train accuracy " + accuracy(first, "train") + ", test accuracy "
                + test);
        assertTrue(test >= 0.95, first);
        assertTrue(first.contains("Model: Sequential, 5 layers"), first);
        assertTrue(first.contains("Total params: 1,251"), first);
        String[] lines = first.strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("test accuracy: \\d\\.\\d{4}"), lines[lines.length - 1]);
        assertEquals(first, run(), "same seed, same output");
    }
}
