package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With standard output redirected to a file, as in CI or {@code nn4j xor > out.txt}, the default progress is plain
 * log lines: no carriage return or escape sequence of a progress bar ever reaches the file, and {@code --quiet}
 * leaves out the progress lines too.
 */
class PipedOutputTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultWritesPlainLinesToAFile() throws Exception {
        String out = runToFile("xor", "--epochs", "20000", "--log-every", "2000");
        assertNoControlCharacters(out);
        assertEquals(10, out.lines().filter(l -> l.startsWith("Epoch ")).count(), out);
        assertTrue(out.contains("Epoch 18000, Loss: "), out);
    }

    @Test
    void quietLeavesOutTheProgressLines() throws Exception {
        String out = runToFile("xor", "--quiet");
        assertNoControlCharacters(out);
        assertEquals(0, out.lines().filter(l -> l.startsWith("Epoch ")).count(), out);
        assertTrue(out.contains("Testing the trained network:"), out);
    }

    private static void assertNoControlCharacters(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            int index = i;
            assertFalse(c != '\n' && Character.isISOControl(c), () -> "control character U+"
                    + String.format("%04X", (int) c) + " at " + index + " in\n" + out);
        }
    }

    private String runToFile(String... args) throws IOException, InterruptedException {
        Path file = dir.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "nn4j did not finish");
        assertEquals(0, process.exitValue());
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
