package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.random.NumpyRandom;

/** The strict CSV loader: what it reads, how it splits and scales, and where it says a file is wrong. */
class CsvLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CsvFormatException bad(String text) throws IOException {
        Path file = write("bad.csv", text);
        return assertThrows(CsvFormatException.class, () -> CsvTable.read(file, "label"));
    }

    @Test
    void readsFeaturesAndLabelsInFileOrder() throws IOException {
        Path file = write("ok.csv", "a,label,\"b\"\n1,x,2e1\n\n-0.5, y ,.25\n");
        CsvTable t = CsvTable.read(file, "label");
        assertEquals(List.of("a", "b"), t.featureNames());
        assertEquals(List.of("x", "y"), t.labels());
        assertEquals(Matrix.of(new double[][] {{1, 20}, {-0.5, 0.25}}), t.features());
    }

    @Test
    void moreThanMaxClassesIsRefusedByName() throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 10_000; i++) {
            text.append(i % 7).append(",id").append(i).append('\n');
        }
        Path file = write("ids.csv", text.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CsvLoader("label").load(file, new NumpyRandom(1)));
        assertEquals("CsvLoader: " + file + ": label column \"label\" has more than 1000 distinct values; at most"
                + " 1000 classes are supported (each class is a column of the one-hot targets; a column of mostly"
                + " unique values is an ID or a number to regress, not a class)", e.getMessage());
    }

    @Test
    void quotedAndPlainLinesReadAlikeAndEachLabelIsKeptOnce() throws IOException {
        Path file = write("mixed.csv", "a,label,b\n1.5,cat,-2\n\"1.5\",\"cat\",\" -2 \"\n 3e-1 ,dog, 4 \r\n");
        CsvTable t = CsvTable.read(file, "label");
        assertEquals(Matrix.of(new double[][] {{1.5, -2}, {1.5, -2}, {0.3, 4}}), t.features());
        assertEquals(List.of("cat", "cat", "dog"), t.labels());
        assertTrue(t.labels().get(0) == t.labels().get(1), "one String per distinct label");
        CsvTable fromStream = CsvTable.read(java.nio.file.Files.newBufferedReader(file), "<stdin>", "label");
        assertEquals(t.features(), fromStream.features());
    }

    @Test
    void aNamedPipeIsReadOnceAsAStream() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(pipe, "a,label\n1,x\n2,y\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        CsvTable t = CsvTable.read(pipe, "label");
        writer.join();
        assertEquals(Matrix.columnVector(1, 2), t.features());
        assertEquals(List.of("x", "y"), t.labels());
    }

    @Test
    void badRowsNameFileLineAndColumn() throws IOException {
        String file = dir.resolve("bad.csv").toString();
        CsvFormatException e = bad("x1,x2,label\n1,2,a\n3,abc,b\n");
        assertEquals(file + ":3:2: column \"x2\": \"abc\" is not a number", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals(file + ":2:0: found 2 fields, the header has 3", bad("x1,x2,label\n1,a\n").getMessage());
        assertEquals(file + ":2:1: column \"x1\": empty field", bad("x1,x2,label\n,2,a\n").getMessage());
        assertEquals(file + ":2:1: column \"x1\": \"NaN\" is not a number", bad("x1,x2,label\nNaN,2,a\n").getMessage());
        assertEquals(file + ":2:3: the label is empty", bad("x1,x2,label\n1,2,\n").getMessage());
        assertEquals(file + ":1:0: no column named \"label\"; the header has [x1, x2, y]",
                bad("x1,x2,y\n1,2,3\n").getMessage());
        assertEquals(file + ":1:0: expected a header line naming the columns", bad("").getMessage());
        assertEquals(file + ":1:0: no data lines after the header", bad("x1,label\n").getMessage());
        assertEquals(file + ":2:2: a quote opened in this field is never closed",
                bad("x1,x2,label\n1,\"2,a\n").getMessage());
        assertEquals(file + ":2:1: column \"x1\": 1e999 is too large for a double",
                bad("x1,x2,label\n1e999,2,a\n").getMessage());
    }

    @Test
    void windowsLineEndingsAndAnEndlessLine() throws IOException {
        CsvTable t = CsvTable.read(write("crlf.csv", "a,label\r\n1,x\r\n2,y"), "label");
        assertEquals(List.of("x", "y"), t.labels());
        String file = dir.resolve("bad.csv").toString();
        assertEquals(file + ":2:0: line longer than 1048576 characters",
                bad("a,label\n" + "1".repeat(CsvTable.MAX_LINE_LENGTH + 5)).getMessage());
    }

    @Test
    void aMissingFileIsAnIOException() {
        assertThrows(NoSuchFileException.class, () -> CsvTable.read(dir.resolve("none.csv"), "label"));
    }

    @Test
    void classesAreSortedNumericallyWhenTheyAreNumbers() {
        assertEquals(List.of("2", "10"), CsvLoader.classNames(List.of("10", "2", "10")));
        assertEquals(List.of("cat", "dog"), CsvLoader.classNames(List.of("dog", "cat")));
    }

    @Test
    void standardisationIsFittedOnTheTrainingRowsOnly() throws IOException {
        StringBuilder csv = new StringBuilder("f,label\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(',').append(i < 5 ? "a" : "b").append('\n');
        }
        ClassificationData data = new CsvLoader("label").testFraction(0.3)
                .load(write("ten.csv", csv.toString()), new NumpyRandom(4));
        assertEquals(7, data.train().rows());
        assertEquals(3, data.test().rows());
        assertEquals(List.of("a", "b"), data.classNames());
        // Training inputs are exactly standardised; test inputs use the training mean and deviation.
        assertEquals(0.0, data.train().inputs().mean(), 1e-12);
        assertEquals(1.0, data.train().inputs().multiply(data.train().inputs()).mean(), 1e-12);
        double mean = data.standardizer().means().get(0, 0);
        double deviation = data.standardizer().deviations().get(0, 0);
        Matrix raw = data.test().inputs().map(z -> mean + z * deviation);
        for (int i = 0; i < 3; i++) {
            double value = raw.get(i, 0);
            assertEquals(Math.rint(value), value, 1e-9);   // back to one of the integers 0..9
            assertEquals(value < 5 ? Matrix.rowVector(1, 0) : Matrix.rowVector(0, 1), data.test().targets().row(i));
        }
        assertEquals(data.train().inputs(), new CsvLoader("label").testFraction(0.3)
                .load(write("ten.csv", csv.toString()), new NumpyRandom(4)).train().inputs());
    }

    @Test
    void oneClassIsNotClassification() throws IOException {
        Path file = write("one.csv", "f,label\n1,a\n2,a\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CsvLoader("label").load(file, new NumpyRandom(1)));
        assertEquals("CsvLoader: " + file + ": label column \"label\" has only the class [a]; classification needs"
                + " two or more", e.getMessage());
    }
}
