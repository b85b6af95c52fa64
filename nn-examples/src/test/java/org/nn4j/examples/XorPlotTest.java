package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.examples.cli.ErrorHandlers;
import picocli.CommandLine;

/**
 * {@code xor --plot DIR} writes both pictures, big enough to read, and they show what they claim: a map that
 * stays near 0.5 when the network fails (the blog's settings) and clear red and blue regions when it learns.
 */
class XorPlotTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesBothPicturesAtLeast600By400() throws IOException {
        String out = xor("--plot", dir.toString(), "--quiet");
        for (String name : new String[] {"loss.png", "decision-boundary.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400,
                    () -> name + " is " + image.getWidth() + "×" + image.getHeight());
            assertTrue(out.contains("Wrote " + dir.resolve(name)), out);
        }
    }

    @Test
    void theBlogsFailureIsAPaleMapAndTheSuccessIsRedAndBlue() throws IOException {
        Path failed = dir.resolve("blog");
        Path learned = dir.resolve("learned");
        xor("--plot", failed.toString(), "--quiet");
        xor("--plot", learned.toString(), "--quiet", "--learning-rate", "2", "--epochs", "2000");

        int[] failedColours = strongColours(ImageIO.read(failed.resolve("decision-boundary.png").toFile()));
        int[] learnedColours = strongColours(ImageIO.read(learned.resolve("decision-boundary.png").toFile()));
        // Outputs near 0.5 are drawn nearly white: the blog's network leaves hardly any strongly coloured cell.
        assertTrue(failedColours[0] + failedColours[1] < 2_000, () -> "failed run: " + failedColours[0] + " red, "
                + failedColours[1] + " blue pixels");
        // The trained network's map has large regions of both classes.
        assertTrue(learnedColours[0] > 50_000 && learnedColours[1] > 50_000, () -> "learned run: "
                + learnedColours[0] + " red, " + learnedColours[1] + " blue pixels");
    }

    @Test
    void explainPrintsTheStepAndWritesNoPicture() {
        String out = xor("--explain", "--plot", dir.resolve("none").toString());
        assertTrue(out.contains("output_delta = (y - output) * output * (1 - output)"), out);
        assertTrue(!dir.resolve("none").toFile().exists());
    }

    /** Counts pixels of the map's strongest red (class 1) and blue (class 0), outside the points' darker colours. */
    private static int[] strongColours(BufferedImage image) {
        int red = 0;
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && g < 170 && b < 170) {
                    red++;
                } else if (b > 150 && r < 150 && g < 200 && r > 80) {
                    blue++;
                }
            }
        }
        return new int[] {red, blue};
    }

    private static String xor(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = ErrorHandlers.install(new CommandLine(new XorCommand(out))).execute(args);
        assertEquals(0, status, bytes::toString);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
