package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's user-facing promises, each through the built jar: refusals name the one wrong option and come before
 * any training; divergence, early stops and Ctrl-C are reported; standard streams behave; predict matches columns by
 * name.
 */
class TellsTheTruthIT {

    @TempDir
    Path dir;

    private JarRunner jar() {
        return new JarRunner(dir);
    }

    private Path iris() throws Exception {
        return SyntheticTables.write(SyntheticTables.IRIS, dir.resolve("iris.csv"));
    }

    /** One line on standard error, exit 2, nothing on standard output (no training started). */
    private static void assertRefused(JarRunner.Run run, String line) {
        assertEquals(2, run.status(), run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void outputPathsAreCheckedBeforeTraining() throws Exception {
        Path iris = iris();
        Files.writeString(dir.resolve("out.png"), "x");
        Files.createDirectory(dir.resolve("models"));
        String data = iris.toString();
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--plot", "out.png"),
                "nn4j train: --plot out.png: is a file, expected a directory");
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--save", "models"),
                "nn4j train: --save models: is a directory, expected a file");
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--save", "nowhere/m.json"),
                "nn4j train: --save nowhere/m.json: directory nowhere does not exist");
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--checkpoint-dir", "out.png/c"),
                "nn4j train: --checkpoint-dir out.png/c: out.png is a file, expected a directory");
        assertRefused(jar().run("xor", "--save", "models"), "nn4j xor: --save models: is a directory, expected a file");
        assertRefused(jar().run("spirals", "--plot", "out.png"),
                "nn4j spirals: --plot out.png: is a file, expected a directory");
    }

    @Test
    void everyRefusalNamesTheOneWrongOption() throws Exception {
        String data = iris().toString();
        assertRefused(jar().run("xor", "--epochs", "0"), "nn4j xor: --epochs must be at least 1, got 0");
        assertRefused(jar().run("spirals", "--epochs", "0"), "nn4j spirals: --epochs must be at least 1, got 0");
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--epochs", "0"),
                "nn4j train: --epochs must be at least 1, got 0");
        assertRefused(jar().run("spirals", "--classes", "1"), "nn4j spirals: --classes must be at least 2, got 1");
        assertRefused(jar().run("train", "--data", data, "--label", "species", "--batch-size", "-1"),
                "nn4j train: --batch-size must be 0 (full batch) or more, got -1");
    }

    @Test
    void trainShowsItsValidationSplitAndRefusesAContinuousLabel() throws Exception {
        JarRunner.Run run = jar().run("train", "--data", iris().toString(), "--label", "species", "--epochs", "2");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("120 train rows (the last 12 of them for validation, --validation-split 0.1),"
                + " 30 test rows (--test-fraction 0.2)"), run.out());
        StringBuilder csv = new StringBuilder("x,price\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(100 + i * 0.5).append('\n');
        }
        Files.writeString(dir.resolve("prices.csv"), csv);
        JarRunner.Run refused = jar().run("train", "--data", "prices.csv", "--label", "price");
        assertEquals(2, refused.status());
        assertEquals("nn4j train: --label price: 60 distinct values in 60 rows looks continuous, not like classes"
                + " (train classifies: at most 100 classes and at most half as many as rows)\n", refused.err());
        assertFalse(refused.out().contains("Model:"), refused.out());
    }

    @Test
    void divergenceStopsWithTheEpochOnStandardErrorAndNoPredictions() throws Exception {
        JarRunner.Run run = jar().run("xor", "--learning-rate", "1e308");
        assertEquals(3, run.status(), run.err());
        // The trainer stops at the first non-finite loss, layer output or parameter (issue 15), whichever comes first.
        assertTrue(run.err().matches("(?s)nn4j xor: training stopped early: (loss is NaN|layers\\[\\d\\]\\.\\w+ holds"
                + " -?(NaN|Infinity) at row \\d+, column \\d+ after the update|layer \\d+ \\(.*\\) output holds"
                + " -?(NaN|Infinity) at row \\d+, column \\d+) at epoch .*"), run.err());
        assertFalse(run.out().contains("Testing"), run.out());
        assertFalse((run.out() + run.err()).contains("needs more steps"));
        JarRunner.Run train = jar().run("train", "--data", iris().toString(), "--label", "species",
                "--optimizer", "sgd", "--learning-rate", "1e300", "--epochs", "5");
        assertEquals(3, train.status(), train.err());
        assertTrue(train.err().matches("(?s).*training stopped early: (loss is|layers\\[\\d\\]\\.\\w+ holds|layer \\d+ \\(.*\\)"
                + " output holds).*"), train.err());
    }

    @Test
    void xorsVerdictGoesToStandardError() throws Exception {
        JarRunner.Run run = jar().run("xor");
        assertEquals(0, run.status());
        assertFalse(run.out().contains("Verdict"), run.out());
        assertTrue(run.err().startsWith("Verdict: the network did NOT learn XOR in 1000 epochs"), run.err());
    }

    @Test
    void standardStreams() throws Exception {
        Path iris = iris();
        JarRunner.Run bare = jar().run();
        assertEquals(2, bare.status());
        assertEquals("", bare.out());
        assertTrue(bare.err().startsWith("Usage: nn4j"), bare.err());

        JarRunner.Run train = jar().run(iris, List.of(), "train", "--data", "-", "--label", "species",
                "--epochs", "20", "--save", "m.json");
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().startsWith("Data: <stdin>: 4 features"), train.out());
        JarRunner.Run predict = jar().run(iris, List.of(), "predict", "--model", "m.json", "--data", "-",
                "--label", "species", "--output", "-");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(151, predict.out().lines().count());
    }

    @Test
    void predictMatchesColumnsByName() throws Exception {
        Path iris = iris();
        assertEquals(0, jar().run("train", "--data", iris.toString(), "--label", "species", "--epochs", "30",
                "--save", "m.json").status());
        List<String> lines = Files.readAllLines(iris);
        List<String> reordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(",");   // sepal_length, sepal_width, species, petal_length, petal_width
            reordered.add(String.join(",", f[4], f[2], f[3], f[0], f[1]));
            missing.add(String.join(",", f[0], f[1], f[2], f[3]));
        }
        Files.write(dir.resolve("reordered.csv"), reordered, StandardCharsets.UTF_8);
        Files.write(dir.resolve("missing.csv"), missing, StandardCharsets.UTF_8);
        JarRunner.Run straight = jar().run("predict", "--model", "m.json", "--data", iris.toString(),
                "--label", "species");
        JarRunner.Run shuffled = jar().run("predict", "--model", "m.json", "--data", "reordered.csv",
                "--label", "species");
        assertEquals(0, shuffled.status(), shuffled.err());
        assertEquals(column(straight.out(), "predicted_species"), column(shuffled.out(), "predicted_species"));
        JarRunner.Run refused = jar().run("predict", "--model", "m.json", "--data", "missing.csv",
                "--label", "species");
        assertEquals(2, refused.status());
        assertEquals("nn4j predict: missing.csv: missing column petal_width; the model in m.json takes"
                + " sepal_length, sepal_width, petal_length, petal_width\n", refused.err());
        JarRunner.Run extra = jar().run("predict", "--model", "m.json", "--data", iris.toString());
        assertEquals(2, extra.status());
        assertTrue(extra.err().contains("is not a number") || extra.err().contains("extra column species"),
                extra.err());
    }

    private static List<String> column(String csv, String name) {
        List<String> lines = csv.lines().toList();
        int at = List.of(lines.get(0).split(",")).indexOf(name);
        return lines.stream().skip(1).map(l -> l.split(",")[at]).toList();
    }

    @Test
    void ctrlCEndsALongRunInBoundedMemoryWithOneLineAndStatus130() throws Exception {
        // 24 MB of heap: a history that kept every epoch's loss would run out within a few million epochs.
        List<String> command = JarRunner.command(List.of("-Xmx24m"), "xor", "--epochs", "2000000000", "-q");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertFalse(process.waitFor(12, TimeUnit.SECONDS), "ended early: " + Files.readString(dir.resolve("err.txt")));
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt")).replace(JarRunner.INCUBATOR_WARNING + "\n", "");
        assertEquals(130, process.exitValue(), err);
        assertTrue(err.matches("nn4j xor: interrupted after epoch \\d+ of 2000000000\n"), err);
    }
}
