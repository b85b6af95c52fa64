package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README shows what the program prints now: {@code docs/readme-excerpts.sh --check} reruns every excerpt
 * between {@code <!-- output: ... -->} or {@code <!-- session: ... -->} and {@code <!-- end -->} with the built jar
 * and fails on any difference (run the script without {@code --check} to regenerate them).
 */
class ReadmeExcerptsIT {

    private static final Path ROOT = Path.of(System.getProperty("nn4j.root.dir", ".."));

    @Test
    void everyMarkedExcerptMatchesTheProgramsOutput() throws Exception {
        Process process = new ProcessBuilder("bash", "docs/readme-excerpts.sh", "--check").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the script did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("every excerpt matches"), output);
    }
}
