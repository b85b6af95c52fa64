package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.core.random.NumpyRandom;
import picocli.CommandLine;

/**
 * The {@code train} example on a CSV file the test writes: three linearly separable classes in four features
 * (class c's points scattered around a corner of a simplex, plus a feature of pure noise), in shuffled order.
 */
class TrainCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new TrainCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** 300 rows: label in the middle column, to show it can be anywhere. */
    private Path separableCsv() throws IOException {
        NumpyRandom random = new NumpyRandom(2024);
        double[][] corners = {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}};
        String[] names = {"setosa", "versicolor", "virginica"};
        StringBuilder csv = new StringBuilder("x1,x2,species,x3,noise\n");
        for (int i = 0; i < 300; i++) {
            int c = random.nextInt(3);
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%s,%.6f,%.6f%n",
                    corners[c][0] + random.nextGaussian(), corners[c][1] + random.nextGaussian(), names[c],
                    corners[c][2] + random.nextGaussian(), 10 * random.nextGaussian()));
        }
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void reachesAtLeast90PercentTestAccuracyTheSameWayTwice() throws IOException {
        Path file = separableCsv();
        String[] args = {"--data", file.toString(), "--label", "species", "--hidden", "8,8", "--epochs", "30",
            "--batch-size", "16", "--optimizer", "nesterov", "--learning-rate", "0.05", "--seed", "3"};
        Result first = run(args);
        assertEquals(0, first.status(), first.err());
        double train = SpiralsCommandTest.accuracy(first.out(), "train");
        double test = SpiralsCommandTest.accuracy(first.out(), "test");
        System.out.println("train (CSV, nesterov): train accuracy " + train + ", test accuracy " + test);
        assertTrue(test >= 0.9, first.out());
        assertTrue(first.out().contains("classes [setosa, versicolor, virginica], 240 train rows (the last 24 of them"
                + " for validation, --validation-split 0.1), 60 test rows (--test-fraction 0.2)"), first.out());
        assertTrue(first.out().contains("0  Standardize(4)"), first.out());
        assertTrue(first.out().contains("1  Dense(4→8)"), first.out());
        assertEquals(first.out(), run(args).out(), "same seed, same output");
    }

    @Test
    void saveWritesAModelThatLoadsWithTheSamePredictions() throws IOException {
        Path file = separableCsv();
        Path saved = dir.resolve("model.json");
        Result r = run("--data", file.toString(), "--label", "species", "--epochs", "5", "--save", saved.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Saved the model to " + saved), r.out());
        org.nn4j.core.model.Sequential model = org.nn4j.io.ModelFormat.standard().load(saved);
        assertEquals(4, model.inputSize());
        assertEquals(3, model.outputSize());
        assertTrue(model.optimizer() instanceof org.nn4j.core.optimizers.Adam);
    }

    @Test
    void everyOptimizerTrains() throws IOException {
        Path file = separableCsv();
        for (String optimizer : new String[] {"sgd", "momentum", "adam"}) {
            Result r = run("--data", file.toString(), "--label", "species", "--epochs", "15", "--optimizer",
                    optimizer, "--learning-rate", optimizer.equals("adam") ? "0.01" : "0.05");
            assertEquals(0, r.status(), r.err());
            assertTrue(SpiralsCommandTest.accuracy(r.out(), "test") >= 0.9, optimizer + "\n" + r.out());
        }
    }

    @Test
    void aBadRowEndsWithStatus2AndNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b,label\n1,2,x\n3,oops,y\n");
        Result r = run("--data", file.toString(), "--label", "label");
        assertEquals(2, r.status());
        assertEquals("nn4j train: " + file + ":3:2: column \"b\": \"oops\" is not a number", r.err().strip());
        Result missing = run("--data", dir.resolve("none.csv").toString(), "--label", "label");
        assertEquals(2, missing.status());
        assertEquals("nn4j train: --data " + dir.resolve("none.csv") + ": no such file", missing.err().strip());
    }
}
