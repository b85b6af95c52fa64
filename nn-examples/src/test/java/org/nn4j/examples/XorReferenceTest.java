package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the {@code xor} example in its own JVM, as a user would, and compares what it prints with what the blog's
 * numpy program printed for the same settings. The expected files and the command that made them are in
 * {@code src/test/resources/xor-reference} ({@code generate.sh}).
 */
class XorReferenceTest {

    private static final Path REFERENCE = Path.of(System.getProperty("nn4j.reference.dir",
            "src/test/resources/xor-reference"));

    @ParameterizedTest(name = "seed {0}, {1} epochs, blog rate {2}, log every {3}")
    @CsvSource({
        "42, 1000, 0.1, 100, false",
        "7, 2000, 0.5, 250, true",
        "123, 3000, 1.0, 300, true",
        "0, 500, 0.05, 50, false",
        "42, 10000, 0.1, 1000, true"})
    void printsTheBlogsLinesCharacterForCharacter(long seed, int epochs, String blogRate, int logEvery,
            boolean learns) throws Exception {
        String nn4jRate = new BigDecimal(blogRate).multiply(BigDecimal.valueOf(2)).toPlainString();
        String expected = Files.readString(REFERENCE.resolve(seed + "-" + epochs + "-" + blogRate + "-" + logEvery
                + ".txt"), StandardCharsets.UTF_8);
        String[] run = runXor("--seed", Long.toString(seed), "--epochs", Integer.toString(epochs),
                "--learning-rate", nn4jRate, "--log-every", Integer.toString(logEvery));
        String actual = run[0];

        // Standard output is the blog's, all of it; nn4j's verdict is on standard error.
        assertEquals(expected, actual, () -> "output differs from the blog's:\n--- expected\n" + expected
                + "--- actual\n" + actual);
        String verdict = run[1];
        assertTrue(verdict.startsWith("Verdict: the network " + (learns ? "learned XOR" : "did NOT learn XOR")),
                verdict);
        long epochLines = expected.lines().filter(l -> l.startsWith("Epoch ")).count();
        assertEquals((epochs + logEvery - 1) / logEvery, epochLines);
    }

    /** @return standard output and standard error */
    private static String[] runXor(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "xor"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "xor did not finish");
        String error = new String(err.join(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), error);
        return new String[] {new String(out, StandardCharsets.UTF_8), error};
    }
}
