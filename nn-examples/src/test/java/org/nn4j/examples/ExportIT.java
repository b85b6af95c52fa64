package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.core.random.NumpyRandom;

/**
 * {@code nn4j export} through the built jar, as a user runs it: train and save with the jar, export, then load the
 * ONNX file in ONNX Runtime and compare its outputs with what {@code nn4j predict} prints for the same rows, to within
 * 1e-6: the XOR network ({@code xor --save}) and an iris-like classifier with standardisation and names
 * ({@code train --save}), whose ONNX metadata names the columns the model takes. Errors are one line, status 2.
 */
class ExportIT {

    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @Test
    void xorExportedGivesWhatPredictPrints() throws Exception {
        JarRunner jar = new JarRunner(dir);
        JarRunner.Run train = jar.run("xor", "--learning-rate", "2", "--epochs", "2000", "--quiet", "--save",
                "xor.json");
        assertEquals(0, train.status(), train.err());
        JarRunner.Run export = jar.run("export", "--model", "xor.json", "--onnx", "xor.onnx");
        assertEquals(0, export.status(), export.err());
        assertEquals("", export.err());
        assertEquals("Wrote xor.onnx: input \"input\" (batch × 2), output \"output\" (batch × 1), 4 layers\n",
                export.out());

        // 200 random points around the unit square, as CSV for predict and as a matrix for ONNX Runtime.
        NumpyRandom random = new NumpyRandom(5);
        double[][] points = new double[200][2];
        StringBuilder csv = new StringBuilder("x1,x2\n");
        for (double[] p : points) {
            p[0] = random.uniform(-0.5, 1.5);
            p[1] = random.uniform(-0.5, 1.5);
            csv.append(p[0]).append(',').append(p[1]).append('\n');
        }
        Files.writeString(dir.resolve("points.csv"), csv, StandardCharsets.UTF_8);
        JarRunner.Run predict = jar.run("predict", "--model", "xor.json", "--data", "points.csv");
        assertEquals(0, predict.status(), predict.err());
        double[][] printed = columns(predict.out(), List.of("output"));

        double[][] onnx = runOnnx(dir.resolve("xor.onnx"), points, "output");
        assertClose(printed, onnx);
    }

    @Test
    void irisExportedGivesWhatPredictPrintsAndNamesItsColumns() throws Exception {
        Path csv = SyntheticTables.write(SyntheticTables.IRIS, dir.resolve("iris.csv"));
        JarRunner jar = new JarRunner(dir);
        JarRunner.Run train = jar.run("train", "--data", csv.toString(), "--label", "species", "--quiet",
                "--save", "iris.json");
        assertEquals(0, train.status(), train.err());
        JarRunner.Run export = jar.run("export", "--model", "iris.json", "--onnx", "iris.onnx");
        assertEquals(0, export.status(), export.err());
        assertEquals("Wrote iris.onnx: input \"input\" (batch × 4), outputs \"output\" (logits) and \"probabilities\" "
                + "(batch × 3), 4 layers\n", export.out());

        // The ONNX model says which columns it takes, in which order, and what its outputs are.
        Map<String, String> metadata;
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(dir.resolve("iris.onnx").toString())) {
            metadata = session.getMetadata().getCustomMetadata();
        }
        assertEquals("[\"sepal_length\", \"sepal_width\", \"petal_length\", \"petal_width\"]",
                metadata.get("nn4j.features"));
        List<String> classes = List.of(metadata.get("nn4j.classes").replaceAll("[\\[\\]\" ]", "").split(","));
        assertEquals(List.of("setosa", "versicolor", "virginica"), classes);

        // The raw rows of the CSV (the label sits between the features), in the model's feature order.
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> features = SyntheticTables.IRIS.features();
        double[][] rows = new double[lines.size() - 1][features.size()];
        for (int r = 0; r < rows.length; r++) {
            String[] fields = lines.get(r + 1).split(",");
            for (int f = 0; f < features.size(); f++) {
                rows[r][f] = Double.parseDouble(fields[header.indexOf(features.get(f))]);
            }
        }
        JarRunner.Run predict = jar.run("predict", "--model", "iris.json", "--data", csv.toString(), "--label",
                "species");
        assertEquals(0, predict.status(), predict.err());
        double[][] printed = columns(predict.out(), classes.stream().map(c -> "p_" + c).toList());

        double[][] onnx = runOnnx(dir.resolve("iris.onnx"), rows, "probabilities");
        assertClose(printed, onnx);
    }

    @Test
    void aMissingOrBadModelIsOneLineAndStatusTwoAndWritesNothing() throws Exception {
        JarRunner jar = new JarRunner(dir);
        JarRunner.Run missing = jar.run("export", "--model", "none.json", "--onnx", "m.onnx");
        assertEquals(2, missing.status());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("nn4j export: ") && missing.err().contains("none.json"), missing.err());

        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"nn4j-model\", \"version\": 2, \"layers\": [");
        JarRunner.Run bad = jar.run("export", "--model", "bad.json", "--onnx", "m.onnx");
        assertEquals(2, bad.status());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("nn4j export: bad.json: "), bad.err());
        assertFalse(Files.exists(dir.resolve("m.onnx")));

        JarRunner.Run noOnnx = jar.run("export", "--model", "bad.json");
        assertEquals(2, noOnnx.status());
        assertTrue(noOnnx.err().startsWith("nn4j export: Missing required option: '--onnx=FILE'"), noOnnx.err());
    }

    /** The named columns of predict's CSV output, one row per line. */
    private static double[][] columns(String csv, List<String> names) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        double[][] values = new double[lines.size() - 1][names.size()];
        for (int r = 0; r < values.length; r++) {
            String[] fields = lines.get(r + 1).split(",");
            for (int c = 0; c < names.size(); c++) {
                int at = header.indexOf(names.get(c));
                assertTrue(at >= 0, () -> "no column " + names + " in " + header);
                values[r][c] = Double.parseDouble(fields[at]);
            }
        }
        return values;
    }

    private static double[][] runOnnx(Path model, double[][] inputs, String output) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString());
             OnnxTensor tensor = OnnxTensor.createTensor(env, inputs);
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            return (double[][]) result.get(output).orElseThrow().getValue();
        }
    }

    private static void assertClose(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, "rows");
        double largest = 0;
        List<String> far = new ArrayList<>();
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, actual[r].length, "columns");
            for (int c = 0; c < expected[r].length; c++) {
                double d = Math.abs(expected[r][c] - actual[r][c]);
                largest = Math.max(largest, d);
                if (d >= TOLERANCE) {
                    far.add(String.format(Locale.ROOT, "row %d col %d: %s vs %s", r, c, expected[r][c], actual[r][c]));
                }
            }
        }
        assertTrue(far.isEmpty(), "largest difference " + largest + ": " + far);
    }
}
