package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn4j fashion-mnist} through the built jar, as a user meets it: on a small generated data set it trains and
 * ends with the test accuracy; without the files it says how to install them, on one line, with status 2.
 */
class FashionMnistIT {

    @TempDir
    Path dir;

    @Test
    void trainsAndEndsWithTheTestAccuracy() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        FashionMnistCommandTest.writeDataSet(data);
        JarRunner.Run run = new JarRunner(dir).run("fashion-mnist", "--data", data.toString(), "--epochs", "4",
                "--batch-size", "16", "--quiet");
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("test accuracy: (0\\.9\\d{3}|1\\.0000)"), run.out());
    }

    @Test
    void missingFilesAreOneLineThatSaysHowToInstallThem() throws Exception {
        JarRunner.Run run = new JarRunner(dir).run("fashion-mnist", "--data", dir.toString());
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("nn4j fashion-mnist: --data " + dir + ": missing train-images-idx3-ubyte.gz"),
                run.err());
        assertTrue(run.err().contains("`sudo apt-get install dataset-fashion-mnist`"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
