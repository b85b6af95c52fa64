package org.nn4j.examples;

import org.nn4j.core.model.BlogNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.examples.cli.ErrorHandlers;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine;

/** {@code predict} writes exactly the saved model's outputs for every CSV row, and rejects bad input in one line. */
class PredictCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private Result predict(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ErrorHandlers.install(new CommandLine(
                new PredictCommand(new PrintStream(out, true, StandardCharsets.UTF_8))));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private Path xorModel() throws IOException {
        Sequential model = BlogNetwork.create(42, 2);
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        model.fit(x, Matrix.columnVector(0, 1, 1, 0), 2000);
        Path file = dir.resolve("xor.json");
        ModelFormat.standard().save(model, file);
        return file;
    }

    @Test
    void writesTheModelsOutputForEveryRowExactly() throws IOException {
        Path model = xorModel();
        Path data = Files.writeString(dir.resolve("points.csv"), "x1,x2,truth\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.1,0.9,1\n");
        Result result = predict("--model", model.toString(), "--data", data.toString(), "--label", "truth");
        assertEquals(0, result.status, result.err);

        Matrix expected = ModelFormat.standard().load(model).predict(Matrix.of(new double[][] {
            {0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.1, 0.9}}));
        List<String> lines = result.out.lines().toList();
        assertEquals("x1,x2,true_truth,output", lines.get(0));
        assertEquals(6, lines.size());
        String[] truth = {"0", "1", "1", "0", "1"};
        for (int r = 0; r < 5; r++) {
            String[] fields = lines.get(r + 1).split(",");
            assertEquals(truth[r], fields[2]);
            assertEquals(expected.get(r, 0), Double.parseDouble(fields[3]), 0.0, "row " + r);
            assertEquals(Math.round(Double.parseDouble(truth[r])), Math.round(Double.parseDouble(fields[3])),
                    "the trained XOR model classifies row " + r + " correctly");
        }
    }

    @Test
    void aModelWithSeveralOutputsGetsOneColumnEachAndTheClass() throws IOException {
        Sequential model = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(3)
                .activation(new Sigmoid()).loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(7).build();
        Path file = dir.resolve("three.json");
        ModelFormat.standard().save(model, file);
        Path data = Files.writeString(dir.resolve("p.csv"), "a,b\n0.5,-1\n2,3\n");
        Path output = dir.resolve("out.csv");
        Result result = predict("--model", file.toString(), "--data", data.toString(), "--output", output.toString());
        assertEquals(0, result.status, result.err);
        assertEquals("", result.out);

        List<String> lines = Files.readAllLines(output);
        assertEquals("a,b,output_0,output_1,output_2,predicted", lines.get(0));
        Matrix expected = model.predict(Matrix.of(new double[][] {{0.5, -1}, {2, 3}}));
        for (int r = 0; r < 2; r++) {
            String[] fields = lines.get(r + 1).split(",");
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(expected.get(r, k), Double.parseDouble(fields[2 + k]), 0.0);
                best = expected.get(r, k) > expected.get(r, best) ? k : best;
            }
            assertEquals(Integer.toString(best), fields[5]);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aModelWhoseWeightsOverflowIsAnErrorNamingTheRowNotANaNPrediction() throws IOException {
        Sequential model = BlogNetwork.create(42, 2);
        Matrix w = model.parameters().get("layers[0].weights").value();
        w.set(0, 0, 1e308);
        w.set(1, 0, -1e308);
        Path file = dir.resolve("overflow.json");
        ModelFormat.standard().save(model, file);
        // Row 2 is (2, 2): unit 0 computes 2e308 − 2e308 = ∞ − ∞ = NaN; row 1 stays finite.
        Path data = Files.writeString(dir.resolve("points.csv"), "x1,x2\n0.5,0.25\n2,2\n");
        Path output = dir.resolve("out.csv");

        Result result = predict("--model", file.toString(), "--data", data.toString(), "--output", output.toString());

        assertEquals(2, result.status);
        assertEquals("predict: " + file + ": the model's output for data row 2 (counting from 1, after the header)"
                + " is NaN: its weights overflow on this input; no predictions written\n", result.err);
        assertEquals("", result.out);
        assertFalse(Files.exists(output));
        Result toStdout = predict("--model", file.toString(), "--data", data.toString());
        assertEquals(2, toStdout.status);
        assertEquals("", toStdout.out);
    }

    @Test
    void aNaNInTheDataIsRefusedByLineAndColumn() throws IOException {
        Path model = xorModel();
        Path data = Files.writeString(dir.resolve("nan.csv"), "x1,x2\n0,1\n1,NaN\n");
        Result result = predict("--model", model.toString(), "--data", data.toString());
        assertEquals(2, result.status);
        assertEquals("", result.out);
        assertEquals("predict: " + data + ":3:2: column \"x2\": \"NaN\" is not a number\n", result.err);
    }

    @Test
    void aMissingFileIsOneLineAndStatus2() throws IOException {
        Path model = xorModel();
        Path missing = dir.resolve("none.csv");
        Result result = predict("--model", model.toString(), "--data", missing.toString());
        assertEquals(2, result.status);
        assertEquals("predict: --data " + missing + ": no such file\n", result.err);
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws IOException {
        Path model = xorModel();
        Path threeColumns = Files.writeString(dir.resolve("three.csv"), "a,b,c\n1,2,3\n");
        Result wrongWidth = predict("--model", model.toString(), "--data", threeColumns.toString());
        assertEquals(2, wrongWidth.status);
        assertEquals("predict: " + threeColumns + " has 3 feature columns [a, b, c], the model in " + model
                + " expects 2\n", wrongWidth.err);

        Path badRow = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,x\n");
        Result notANumber = predict("--model", model.toString(), "--data", badRow.toString());
        assertEquals(2, notANumber.status);
        assertEquals("predict: " + badRow + ":2:2: column \"b\": \"x\" is not a number\n", notANumber.err);

        Path notAModel = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"something else\"}");
        Result badModel = predict("--model", notAModel.toString(), "--data", badRow.toString());
        assertEquals(2, badModel.status);
        assertEquals(1, badModel.err.lines().count(), badModel.err);
        assertTrue(badModel.err.startsWith("predict: " + notAModel + ": format "), badModel.err);
    }
}
