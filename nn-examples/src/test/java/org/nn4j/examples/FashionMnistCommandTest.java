package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.examples.cli.ErrorHandlers;
import org.nn4j.examples.fashion.FashionMnist;
import picocli.CommandLine;

/**
 * {@code fashion-mnist} on a small generated data set in the real files' format (the real one is run by CI): it
 * learns, the same seed prints the same numbers, the pictures are written, and predict agrees with the printed
 * accuracy on a saved model.
 */
class FashionMnistCommandTest {

    @TempDir
    static Path data;

    /**
     * Four gzip IDX files: 400 training and 100 test images of 28×28; an image of class c has a bright band on rows
     * 2c and 2c + 1 over dim noise, so a small network can tell the classes apart.
     */
    @BeforeAll
    static void writeDataSet() throws IOException {
        writeDataSet(data);
    }

    /** Writes the four files of that data set into a directory. */
    static void writeDataSet(Path directory) throws IOException {
        SplittableRandom random = new SplittableRandom(16);
        write(directory, "train", 400, random);
        write(directory, "t10k", 100, random);
    }

    private static void write(Path directory, String prefix, int n, SplittableRandom random) throws IOException {
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(10);
            labels[i] = (byte) c;
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                pixels[i * 784 + p] = (byte) (row / 2 == c ? 160 + random.nextInt(96) : random.nextInt(90));
            }
        }
        idx(directory.resolve(prefix + "-images-idx3-ubyte.gz"), pixels, n, 28, 28);
        idx(directory.resolve(prefix + "-labels-idx1-ubyte.gz"), labels, n);
    }

    private static void idx(Path file, byte[] content, int... dimensions) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.write(new byte[] {0, 0, 0x08, (byte) dimensions.length});
            for (int d : dimensions) {
                out.writeInt(d);
            }
            out.write(content);
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("--data", data.toString(), "--epochs", "4", "--batch-size", "16"));
        all.addAll(List.of(args));
        int status = new CommandLine(new FashionMnistCommand(out, out)).execute(all.toArray(String[]::new));
        assertEquals(0, status, () -> bytes.toString(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The output without the line that reports the time. */
    private static String untimed(String output) {
        return output.lines().filter(l -> !l.startsWith("time: ")).collect(Collectors.joining("\n"));
    }

    private static String testAccuracy(String output) {
        String last = output.strip().lines().filter(l -> l.startsWith("test accuracy: ")).findFirst().orElseThrow();
        assertTrue(last.matches("test accuracy: \\d\\.\\d{4}"), last);
        return last.substring("test accuracy: ".length());
    }

    @Test
    void theMlpLearnsAndTheSameSeedGivesTheSameNumbersBitForBit() {
        String first = run("--seed", "3");
        assertTrue(first.startsWith("Fashion-MNIST: 400 training and 100 test images of 28×28 from " + data
                + ", kept as 0 MB of bytes\nModel: Sequential, 4 layers\n"), first);
        assertTrue(first.contains("0  Flatten          n×784                0\n"), first);
        assertTrue(Double.parseDouble(testAccuracy(first)) >= 0.9, first);
        assertTrue(first.lines().anyMatch(l -> l.matches("time: \\d+\\.\\d\\d s in all, \\d+\\.\\d\\d s per epoch")),
                first);
        assertEquals(untimed(first), untimed(run("--seed", "3")), "same seed, same losses and accuracy");
        String other = run("--seed", "4");
        assertTrue(!untimed(first).equals(untimed(other)), "another seed trains another network");
    }

    @Test
    void missingFilesSayHowToInstallThem(@TempDir Path empty) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = ErrorHandlers.install(new CommandLine(new FashionMnistCommand()));
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("--data", empty.toString()));
        assertEquals("fashion-mnist: --data " + empty + ": missing train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; install the"
                + " data set with `sudo apt-get install dataset-fashion-mnist` (it goes to "
                + FashionMnist.DEBIAN_DIRECTORY + "), or download the four files from"
                + " https://github.com/zalandoresearch/fashion-mnist into " + empty, err.toString().strip());
    }

    @Test
    void plotsTheLossTheConfusionMatrixAndTheTestImages(@TempDir Path dir) throws IOException {
        String output = run("--plot", dir.toString());
        for (String name : List.of("loss.png", "confusion-matrix.png", "test-images.png")) {
            assertTrue(output.contains("Wrote " + dir.resolve(name) + "\n"), output);
        }
        BufferedImage grid = ImageIO.read(dir.resolve("test-images.png").toFile());
        // 32 images of 28×28 drawn 3× in 8 columns of 104 pixels and 4 rows of 128, under a 40-pixel title
        assertEquals(8 * 104 + 12, grid.getWidth());
        assertEquals(40 + 4 * 128, grid.getHeight());
        BufferedImage confusion = ImageIO.read(dir.resolve("confusion-matrix.png").toFile());
        assertEquals(110 + 10 * 56 + 60, confusion.getWidth());
    }

    @Test
    void theCnnLearnsAndDrawsItsFirstLayersFilters(@TempDir Path dir) throws IOException {
        String output = run("--model", "cnn", "--plot", dir.toString());
        assertTrue(output.contains("0  Conv2D(1→32, 3×3, stride 1, valid)    n×32×26×26        320\n"), output);
        assertTrue(output.contains("Total params: 34,826\n"), output);
        assertTrue(Double.parseDouble(testAccuracy(output)) >= 0.9, output);
        assertTrue(output.contains("Wrote " + dir.resolve("filters.png") + "\n"), output);
        BufferedImage filters = ImageIO.read(dir.resolve("filters.png").toFile());
        // 32 filters of 3×3 weights drawn 12 pixels each, 8 to a row of 46-pixel cells; 4 rows of 46 pixels
        assertEquals(8 * 46 + 10, filters.getWidth());
        assertEquals(40 + 4 * 46 + 24, filters.getHeight());
    }

    @Test
    void predictOnTheSavedModelAgreesWithThePrintedAccuracy(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        String output = run("--save", model.toString());
        // the test images as predict reads them: a header, then 784 pixels in [0, 1] and the label per row
        org.nn4j.core.data.LabelledImages test = FashionMnist.read(data).test();
        StringBuilder csv = new StringBuilder();
        for (int p = 1; p <= 784; p++) {
            csv.append("pixel").append(p).append(',');
        }
        csv.append("label\n");
        for (int i = 0; i < test.rows(); i++) {
            for (int p = 0; p < 784; p++) {
                csv.append(test.pixel(i, p / 28, p % 28) / 255.0).append(',');
            }
            csv.append(test.label(i)).append('\n');
        }
        Path rows = Files.writeString(dir.resolve("test.csv"), csv);
        ByteArrayOutputStream predictions = new ByteArrayOutputStream();
        int status = new CommandLine(new PredictCommand(new PrintStream(predictions, true, StandardCharsets.UTF_8)))
                .execute("--model", model.toString(), "--data", rows.toString(), "--label", "label");
        assertEquals(0, status);
        List<String> lines = predictions.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int truth = header.indexOf("true_label");
        int predicted = header.indexOf("predicted_label");
        int right = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            right += FashionMnist.CLASS_NAMES.get(Integer.parseInt(cells[truth])).equals(cells[predicted]) ? 1 : 0;
        }
        assertEquals(100, lines.size() - 1);
        assertEquals(testAccuracy(output), String.format(java.util.Locale.ROOT, "%.4f", right / 100.0));
    }
}
