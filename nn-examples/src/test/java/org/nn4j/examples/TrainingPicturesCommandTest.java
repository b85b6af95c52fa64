package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.examples.cli.ErrorHandlers;
import picocli.CommandLine;

/** {@code spirals} and {@code train} take the shared --plot, --quiet and --epochs options too. */
class TrainingPicturesCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static void run(Object command, String... args) {
        assertEquals(0, ErrorHandlers.install(new CommandLine(command)).execute(args));
    }

    private static void assertPicture(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, file + " is too small");
    }

    @Test
    void spiralsDrawsItsLossAndItsMapQuietly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        run(new SpiralsCommand(out), "--epochs", "5", "--quiet", "--plot", dir.toString());
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains("Epoch "), printed);
        assertPicture(dir.resolve("loss.png"));
        assertPicture(dir.resolve("decision-boundary.png"));
    }

    @Test
    void trainDrawsTheMapOnlyForTwoFeatures() throws IOException {
        StringBuilder two = new StringBuilder("x,y,class\n");
        StringBuilder three = new StringBuilder("x,y,z,class\n");
        for (int i = 0; i < 60; i++) {
            double x = (i % 10) / 10.0;
            double y = (i / 10) / 6.0;
            String label = x + y > 0.9 ? "a" : "b";
            two.append(x).append(',').append(y).append(',').append(label).append('\n');
            three.append(x).append(',').append(y).append(",0.5,").append(label).append('\n');
        }
        Path twoFeatures = Files.writeString(dir.resolve("two.csv"), two);
        Path threeFeatures = Files.writeString(dir.resolve("three.csv"), three);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Path plots2 = dir.resolve("plots2");
        run(new TrainCommand(out, out), "--data", twoFeatures.toString(), "--label", "class", "--epochs", "3",
                "--quiet", "--plot", plots2.toString());
        assertPicture(plots2.resolve("loss.png"));
        assertPicture(plots2.resolve("decision-boundary.png"));

        Path plots3 = dir.resolve("plots3");
        run(new TrainCommand(out, out), "--data", threeFeatures.toString(), "--label", "class", "--epochs", "3",
                "--quiet", "--plot", plots3.toString(), "--log-scale");
        assertPicture(plots3.resolve("loss.png"));
        assertFalse(Files.exists(plots3.resolve("decision-boundary.png")), "three inputs have no plane to draw");
    }
}
