package org.nn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.io.ModelFormat;

/**
 * The application jar as {@code spark-submit} runs it: {@code nn-spark-app.jar} beside Spark's own jars, on
 * {@code local[2]}. It holds no Spark class; {@code score} writes what {@code predict} computes; {@code train} trains
 * the weights {@code fit} trains.
 */
class SparkAppIT {

    private static final Matrix[] DATA = LocalSpark.flowers(90, 6);

    @Test
    void theJarHoldsNn4jButNotSpark() throws IOException {
        try (ZipFile jar = new ZipFile(System.getProperty("nn4j.spark.app"))) {
            assertTrue(jar.stream().anyMatch(e -> e.getName().equals("org/nn4j/spark/app/SparkApp.class")));
            assertTrue(jar.stream().anyMatch(e -> e.getName().equals("org/nn4j/core/model/GradientPass.class")));
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/apache/spark/")));
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("scala/")));
        }
    }

    @Test
    void scoresAndTrainsThroughTheJar(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("flowers.csv");
        StringBuilder text = new StringBuilder(String.join(",", LocalSpark.FEATURES) + ",species\n");
        for (int r = 0; r < DATA[0].rows(); r++) {
            for (int c = 0; c < 4; c++) {
                text.append(DATA[0].get(r, c)).append(',');
            }
            text.append(LocalSpark.SPECIES.get(Accuracy.classOf(DATA[1], r))).append('\n');
        }
        Files.writeString(csv, text);
        Path start = dir.resolve("start.json");
        ModelFormat.standard().save(LocalSpark.classifier(), start);

        run(dir, "train", "--model", start.toString(), "--data", csv.toString(), "--label", "species", "--epochs", "3",
                "--batch-size", "16", "--shards", "4", "--save", dir.resolve("trained.json").toString());
        Sequential trained = ModelFormat.standard().load(dir.resolve("trained.json"));
        Sequential oneMachine = ModelFormat.standard().load(start);
        oneMachine.fit(DATA[0], DATA[1], TrainingConfig.builder().epochs(3).batchSize(16).shards(4).build());
        SameNumbersTest.assertSameWeights(oneMachine, trained);

        run(dir, "score", "--model", dir.resolve("trained.json").toString(), "--data", csv.toString(), "--output",
                dir.resolve("scored").toString());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir.resolve("scored"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> partLines = Files.readAllLines(part);
                assertEquals("sepal_length,sepal_width,petal_length,petal_width,species,p_setosa,p_versicolor,"
                        + "p_virginica,predicted", partLines.get(0));
                lines.addAll(partLines.subList(1, partLines.size()));
            }
        }
        assertEquals(DATA[0].rows(), lines.size());
        Matrix expected = Softmax.probabilities(oneMachine.predict(DATA[0]));
        for (int r = 0; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",");
            for (int k = 0; k < 3; k++) {
                assertEquals(expected.get(r, k), Double.parseDouble(fields[5 + k]), "row " + r);
            }
            assertEquals(LocalSpark.SPECIES.get(Accuracy.classOf(expected, r)), fields[8]);
        }
    }

    /** Runs the jar's main class beside Spark's jars, as spark-submit does, and expects it to succeed. */
    private static void run(Path dir, String... args) throws Exception {
        String spark = Files.readString(Path.of(System.getProperty("nn4j.spark.classpath"))).trim()
                + java.io.File.pathSeparator + Files.readString(Path.of(System.getProperty("nn4j.slf4j.classpath")));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("nn4j.spark.jvmOptions", "").trim().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", System.getProperty("nn4j.spark.app") + java.io.File.pathSeparator + spark,
                "org.nn4j.spark.app.SparkApp"));
        command.addAll(List.of(args));
        command.removeIf(String::isEmpty);
        Path log = dir.resolve(args[0] + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), args[0] + " did not finish");
        assertEquals(0, process.exitValue(), args[0] + " failed:\n" + Files.readString(log));
    }
}
