package org.nn4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "Pictures from your own code" JShell session line by line through the {@code jdk.jshell} API,
 * with nn-core, nn-plots and XChart on the class path as a library user has them, and checks the pictures it
 * writes. The session's files ({@code Path.of("loss.png")}) are written into a temporary directory instead.
 */
class PlotsJShellTest {

    private static final String MARKER = "<!-- jshell session: checked by PlotsJShellTest -->";

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theReadmeSessionDrawsBothPictures() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (String line : readmeBlock()) {
            assertTrue(line.startsWith("jshell> "), () -> "not a JShell input: " + line);
            inputs.add(line.substring("jshell> ".length()).replace("Path.of(\"", "Path.of(\"" + dir + "/"));
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (JShell shell = JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (Class<?> type : List.of(org.nn4j.api.Matrix.class, org.nn4j.core.model.Sequential.class,
                    LossPlot.class, org.knowm.xchart.XYChart.class, org.slf4j.LoggerFactory.class)) {
                shell.addToClasspath(location(type));
            }
            for (String input : inputs) {
                evaluate(shell, input);
            }
            assertEquals(List.of("800"), evaluate(shell, "picture.getWidth()"));
        }
        BufferedImage loss = ImageIO.read(dir.resolve("loss.png").toFile());
        assertEquals(LossPlot.WIDTH, loss.getWidth());
        assertEquals(LossPlot.HEIGHT, loss.getHeight());
        BufferedImage map = ImageIO.read(dir.resolve("map.png").toFile());
        assertEquals(DecisionBoundaryPlot.WIDTH, map.getWidth());
        assertEquals(DecisionBoundaryPlot.HEIGHT, map.getHeight());
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
        int close = open + 1;
        while (!lines.get(close).startsWith("```")) {
            close++;
        }
        return lines.subList(open + 1, close);
    }
}
