package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the JShell session shown in README.md, line by line, through the {@code jdk.jshell} API, and checks that it
 * trains XOR and that the values the README shows are the ones JShell prints.
 */
class JShellSnippetTest {

    private static final String MARKER = "<!-- jshell session: checked by JShellSnippetTest -->";

    @Test
    void theReadmeSessionBuildsTrainsAndPredictsXorInFiveLines() throws Exception {
        List<String> block = readmeBlock();
        List<String> inputs = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String line : block) {
            if (line.startsWith("jshell> ")) {
                inputs.add(line.substring("jshell> ".length()));
            } else if (line.contains(" ==> ")) {
                shown.add(line.substring(line.indexOf(" ==> ") + 5));
            }
        }
        assertEquals(5, inputs.size(), () -> "the README's session should have five lines: " + inputs);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (Class<?> type : List.of(org.nn4j.api.Matrix.class, org.nn4j.core.model.Sequential.class,
                    org.slf4j.LoggerFactory.class)) {
                shell.addToClasspath(location(type));
            }
            for (String input : inputs) {
                values.addAll(evaluate(shell, input));
            }
            List<String> predictions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                predictions.addAll(evaluate(shell, "model.predict(x).get(" + i + ", 0)"));
            }
            double[] expected = {0, 1, 1, 0};
            for (int i = 0; i < 4; i++) {
                double p = Double.parseDouble(predictions.get(i));
                assertTrue(Math.abs(p - expected[i]) < 0.05, "prediction " + i + " is " + p);
            }
        }
        for (String value : shown) {
            assertTrue(values.contains(value), () -> "the README shows " + value + " but JShell printed " + values);
        }
        assertTrue(!shown.isEmpty(), "the README shows no result");
    }

    /** Evaluates every snippet in one input line; fails on a rejected snippet or an exception. */
    private static List<String> evaluate(JShell shell, String input) {
        List<String> values = new ArrayList<>();
        String remaining = input;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.status() == Snippet.Status.REJECTED) {
                    fail("JShell rejected: " + event.snippet().source() + "\n"
                            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                }
                if (event.exception() != null) {
                    fail("JShell threw on " + event.snippet().source() + ": " + event.exception());
                }
                if (event.value() != null && event.causeSnippet() == null) {
                    values.add(event.value());
                }
            }
            remaining = info.remaining();
        }
        return values;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<String> readmeBlock() throws IOException {
        Path readme = Path.of(System.getProperty("nn4j.root.dir", ".."), "README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf(MARKER);
        assertTrue(start >= 0, "README.md has no line " + MARKER);
        int open = start + 1;
        while (!lines.get(open).startsWith("```")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).startsWith("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }
}
