package org.nn4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Sgd;

/**
 * What a JShell or notebook user gets from the public calls: pictures of the documented size that show what they
 * claim, checked pixel by pixel: a loss curve that falls from the top left to the bottom right, and a map whose
 * colours sit on the right side of a boundary set by hand.
 */
class LibraryUserPlotsTest {

    /** The training-loss line's colour in {@link LossPlot}. */
    private static final int LOSS_BLUE = new Color(31, 119, 180).getRGB();
    /** The map's strongest colours: 60% of class 0's blue and of class 1's red mixed into white (ColorLevels). */
    private static final Color MAP_BLUE = new Color(121, 173, 210);
    private static final Color MAP_RED = new Color(230, 125, 126);

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Matrix XOR_INPUTS = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix XOR_TARGETS = Matrix.columnVector(0, 1, 1, 0);

    @Test
    void theLossCurveFallsFromTopLeftToBottomRight() throws IOException {
        TrainingHistory history = BlogNetwork.create(42, 2.0).fit(XOR_INPUTS, XOR_TARGETS, 2000);
        assertTrue(history.loss().get(0) > 4 * history.finalLoss(), history::toString);

        BufferedImage image = LossPlot.image(history);
        assertEquals(LossPlot.WIDTH, image.getWidth());
        assertEquals(LossPlot.HEIGHT, image.getHeight());

        // The columns the curve occupies, and its height at the first and last of them.
        int first = -1;
        int last = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            if (topmost(image, x, LOSS_BLUE) >= 0) {
                first = first < 0 ? x : first;
                last = x;
            }
        }
        assertTrue(first >= 0, "no pixel of the loss curve's colour");
        assertTrue(last - first > image.getWidth() / 2, "the curve spans " + first + ".." + last);
        int startY = topmost(image, first, LOSS_BLUE);
        int endY = topmost(image, last, LOSS_BLUE);
        // y grows downwards: the curve starts high and ends low, over most of the plot's height.
        assertTrue(endY - startY > image.getHeight() / 2, "curve from y " + startY + " to y " + endY);

        // The file and the stream carry the same picture.
        Path file = dir.resolve("loss.png");
        LossPlot.write(history, file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LossPlot.writePng(history, "Loss", false, bytes);
        assertArrayEquals(bytes.toByteArray(), Files.readAllBytes(file));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(image.getRGB(first, startY), read.getRGB(first, startY));
    }

    @Test
    void theMapIsBlueAboveTheDiagonalRedBelowAndWhiteOnIt() throws IOException {
        // output = σ(10·x1 − 10·x2): class 1 (red) where x1 > x2, class 0 (blue) where x1 < x2, 0.5 on the diagonal.
        Sequential model = Sequential.builder().input(2).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        Map<String, Parameter> parameters = model.parameters();
        Matrix weights = parameters.get(Sequential.parameterPath(0, "weights")).value();
        weights.set(0, 0, 10);
        weights.set(1, 0, -10);
        parameters.get(Sequential.parameterPath(0, "bias")).value().set(0, 0, 0);

        Path file = dir.resolve("map.png");
        DecisionBoundaryPlot.write(model, XOR_INPUTS, XOR_TARGETS, "diagonal", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(DecisionBoundaryPlot.WIDTH, image.getWidth());
        assertEquals(DecisionBoundaryPlot.HEIGHT, image.getHeight());

        // The plot area: the bounding box of the map's strongest colours (the map fills the whole area).
        int[] box = boundingBox(image, MAP_BLUE.getRGB(), MAP_RED.getRGB());
        int left = box[0];
        int top = box[1];
        int width = box[2] - box[0];
        int height = box[3] - box[1];
        assertTrue(width > 500 && height > 400, () -> "map area " + width + "×" + height);
        // Both axes span −0.15..1.15, so the line x1 = x2 runs from the bottom-left corner to the top-right one.
        assertEquals(MAP_BLUE, colourAt(image, left + width / 10, top + height / 2), "left middle: x1 < x2");
        assertEquals(MAP_BLUE, colourAt(image, left + width / 2, top + height / 10), "top middle: x1 < x2");
        assertEquals(MAP_RED, colourAt(image, left + width * 9 / 10, top + height / 2), "right middle: x1 > x2");
        assertEquals(MAP_RED, colourAt(image, left + width / 2, top + height * 9 / 10), "bottom middle: x1 > x2");
        Color onTheLine = colourAt(image, left + width * 3 / 4, top + height / 4);
        assertTrue(onTheLine.getRed() > 240 && onTheLine.getGreen() > 240 && onTheLine.getBlue() > 240,
                () -> "the boundary x1 = x2 is white, got " + onTheLine);

        BufferedImage direct = DecisionBoundaryPlot.image(model, XOR_INPUTS, XOR_TARGETS, "diagonal");
        assertEquals(image.getRGB(left + width / 10, top + height / 2), direct.getRGB(left + width / 10, top + height / 2));
    }

    @Test
    void aModelWithoutTwoInputsIsRefusedByName() {
        Sequential three = Sequential.builder().input(3).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionBoundaryPlot.image(three, Matrix.zeros(4, 3), XOR_TARGETS, "three"));
        assertEquals("decision boundary: the model has 3 inputs, a map of the plane needs 2", e.getMessage());
    }

    /** The smallest y at which column x has the colour, or −1. */
    private static int topmost(BufferedImage image, int x, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            if (image.getRGB(x, y) == rgb) {
                return y;
            }
        }
        return -1;
    }

    /** {minX, minY, maxX, maxY} of the pixels with either colour. */
    private static int[] boundingBox(BufferedImage image, int rgbA, int rgbB) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (rgb == rgbA || rgb == rgbB) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    private static Color colourAt(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }
}
