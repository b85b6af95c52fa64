package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
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
import org.nn4j.io.ModelFormat;

/**
 * Issue 15, gap 5, through the built jar: {@code predict} on a CSV of 10 million numbers (200,000 rows × 50
 * columns, 80 MB as doubles) runs in a 150 MB heap, because the table is held once at 8 bytes per value. (Reading
 * into a list of rows and then copying into a matrix, as before, needs more than 160 MB and fails.)
 */
class LargeCsvIT {

    private static final int ROWS = 200_000;
    private static final int COLUMNS = 50;

    @TempDir
    Path dir;

    @Test
    void tenMillionValuesPredictInA150MegabyteHeap() throws Exception {
        Sequential model = Sequential.builder().input(COLUMNS).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(3).build();
        ModelFormat.standard().save(model, dir.resolve("m.json"));
        Path data = dir.resolve("big.csv");
        double[] last = new double[COLUMNS];
        try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.US_ASCII)) {
            for (int c = 0; c < COLUMNS; c++) {
                out.write((c == 0 ? "" : ",") + "x" + c);
            }
            out.write('\n');
            String[] text = new String[1000];
            for (int v = 0; v < text.length; v++) {
                text[v] = v == 0 ? "0" : String.format(java.util.Locale.ROOT, "0.%03d", v);
            }
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < ROWS; r++) {
                line.setLength(0);
                for (int c = 0; c < COLUMNS; c++) {
                    int v = (r * 31 + c * 17) % 1000;
                    last[c] = v / 1000.0;
                    line.append(c == 0 ? "" : ",").append(text[v]);
                }
                out.write(line.append('\n').toString());
            }
        }

        JarRunner.Run run = new JarRunner(dir).run(null, List.of("-Xmx150m"), "predict", "--model", "m.json",
                "--data", data.toString(), "--output", "p.csv");

        assertEquals("", run.err());
        assertEquals(0, run.status());
        List<String> lines = Files.readAllLines(dir.resolve("p.csv"));
        assertEquals(ROWS + 1, lines.size());
        String[] fields = lines.get(ROWS).split(",");
        assertEquals(COLUMNS + 1, fields.length);
        double expected = model.predict(Matrix.fromRowMajor(1, COLUMNS, last)).get(0, 0);
        assertEquals(expected, Double.parseDouble(fields[COLUMNS]), 0.0);
    }
}
