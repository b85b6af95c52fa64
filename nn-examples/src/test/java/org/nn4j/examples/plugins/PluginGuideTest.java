package org.nn4j.examples.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.ModelFormatException;

/**
 * Keeps docs/plugins.md honest: every Java block in it is preceded by {@code <!-- file: Name.java -->} and must be
 * exactly that file of this package, so the guide shows the code these tests compile and run; then it runs the
 * guide's end-to-end example.
 */
class PluginGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "plugins.md");
    private static final Path SOURCES = Path.of("src", "test", "java", "org", "nn4j", "examples", "plugins");
    private static final Pattern BLOCK = Pattern.compile("<!-- file: (\\w+\\.java) -->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyCodeBlockIsTheFileTheTestsRun() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(guide);
        int blocks = 0;
        while (m.find()) {
            String file = Files.readString(SOURCES.resolve(m.group(1)), StandardCharsets.UTF_8);
            assertEquals(file, m.group(2), "docs/plugins.md block for " + m.group(1));
            blocks++;
        }
        assertEquals(guide.split("```java", -1).length - 1, blocks, "every java block names its file");
        assertTrue(blocks >= 4, "the guide shows " + blocks + " files");
    }

    @Test
    void theEndToEndExampleLearnsTheMoonsAndStopsAtTheTarget() {
        SwishOnMoons.Result result = SwishOnMoons.train();
        String reason = result.history().stopReason().orElseThrow();
        System.out.println("plug-in guide: " + reason + " (" + result.history().epochs() + " epochs)");
        assertTrue(reason.startsWith("val_accuracy "), reason);
        assertTrue(result.history().finalMetric("val_accuracy") >= 0.98);
        assertTrue(result.history().epochs() < 200);
    }

    @TempDir
    Path dir;

    @Test
    void aModelWithSwishSavesAndLoadsWithTheRegisteredFormat() throws IOException {
        Sequential model = SwishOnMoons.train().model();
        Path file = dir.resolve("swish-moons.json");
        Sequential loaded = SwishRoundTrip.saveAndLoad(model, file);
        assertEquals(model.predict(dummy()), loaded.predict(dummy()));
        assertTrue(Files.readString(file).contains("\"swish\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(file));
        System.out.println("plug-in guide, standard format: " + e.getMessage());
        assertTrue(e.getMessage().contains("unknown layer type \"swish\""), e.getMessage());
    }

    private static org.nn4j.api.Matrix dummy() {
        return org.nn4j.api.Matrix.of(new double[][] {{-1, 0.5}, {0.2, 0.3}, {1.5, -0.4}});
    }
}
