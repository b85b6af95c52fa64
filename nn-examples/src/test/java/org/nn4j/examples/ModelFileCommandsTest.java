package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xor --save/--load} and {@code summary} through the real command line, with their outputs. */
class ModelFileCommandsTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String run(String... args) {
        out.reset();
        err.reset();
        int status = Main.run(args);
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> predictions(String output) {
        return output.lines().filter(l -> l.contains(" -> 0.") || l.contains(" -> 1.")).toList();
    }

    @Test
    void savedModelPredictsTheSameWhenLoadedAndResavesIdentically() throws Exception {
        Path a = directory.resolve("a.json");
        Path b = directory.resolve("b.json");
        String trained = run("xor", "--epochs", "2000", "--learning-rate", "2", "--save", a.toString());
        assertTrue(trained.startsWith("0\n"), trained);
        assertTrue(trained.contains("Saved the network to " + a), trained);

        String loaded = run("xor", "--load", a.toString(), "--save", b.toString());
        assertTrue(loaded.startsWith("0\n"), loaded + err);
        assertTrue(loaded.contains("(training skipped)"), loaded);
        assertFalse(loaded.contains("Epoch "), loaded);
        assertEquals(8, predictions(trained).size());
        assertEquals(predictions(trained), predictions(loaded));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Verdict: the network learned XOR"), loaded);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void summaryListsLayersShapesAndParameterCounts() throws Exception {
        Path a = directory.resolve("a.json");
        run("xor", "--epochs", "10", "--save", a.toString());
        String summary = run("summary", a.toString()).replace(System.lineSeparator(), "\n");
        String table = org.nn4j.io.ModelFormat.standard().load(a).summary();
        assertEquals("0\nFile: " + a + "\n" + table + "Optimizer state: none\nTraining section: none\n", summary);
        assertTrue(table.contains("0  Dense(2→4)   n×4                12"), table);
        assertTrue(table.contains("Total params: 17"), table);
    }

    @Test
    void aBadFileIsOneLineOnStandardErrorAndStatusTwo() throws Exception {
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"nn4j-model\", \"version\": 7}");
        for (String[] args : new String[][] {{"xor", "--load", bad.toString()}, {"summary", bad.toString()},
            {"summary", directory.resolve("missing.json").toString()}}) {
            String result = run(args);
            String error = err.toString(StandardCharsets.UTF_8);
            assertTrue(result.startsWith("2\n"), result);
            assertEquals(1, error.lines().count(), error);
            assertFalse(error.contains("Exception") || error.contains("\tat "), error);
            assertTrue(error.startsWith("nn4j " + args[0] + ": " + args[args.length - 1] + ": "), error);
        }
        run("summary", bad.toString());
        assertEquals("nn4j summary: " + bad + ": not a valid nn4j model: version (line 1, column 37): unsupported"
                + " format version 7; this nn4j reads versions 1 and 2", err.toString(StandardCharsets.UTF_8).strip());
    }
}
