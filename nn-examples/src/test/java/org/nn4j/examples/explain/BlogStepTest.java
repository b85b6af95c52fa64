package org.nn4j.examples.explain;

import org.nn4j.core.model.BlogNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;

/**
 * {@code xor --explain} prints numpy's numbers: every matrix of the blog's first step equals what
 * {@code explain-reference/blog_step.py} printed (to the six printed decimals).
 */
class BlogStepTest {

    @Test
    void everyPrintedMatrixIsNumpys() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double difference = BlogStep.explain(BlogNetwork.create(42, 0.2), 0.2,
                Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        Map<String, double[][]> numpy = reference();
        assertEquals(10, numpy.size());
        for (Map.Entry<String, double[][]> entry : numpy.entrySet()) {
            double[][] expected = entry.getValue();
            int title = indexOfTitle(printed, entry.getKey());
            for (int r = 0; r < expected.length; r++) {
                String[] cells = printed.get(title + 1 + r).trim().split("\\s+");
                assertEquals(expected[r].length, cells.length, entry.getKey());
                for (int c = 0; c < cells.length; c++) {
                    assertEquals(expected[r][c], Double.parseDouble(cells[c]), 5.000001e-7,
                            entry.getKey() + " row " + r + " column " + c);
                }
            }
        }
        assertTrue(difference < 1e-15, "nn4j's updates differ from the blog's formulas by " + difference);
    }

    @Test
    void matricesAreRightAligned() {
        List<String> rows = MatrixText.rows(Matrix.of(new double[][] {{1, -22.5}, {-0.25, 3}}), 2, 2);
        assertEquals(List.of("    1.00  -22.50", "   -0.25    3.00"), rows);
    }

    private static int indexOfTitle(List<String> printed, String name) {
        String prefix = name.endsWith("+=") ? name : name + " = ";
        for (int i = 0; i < printed.size(); i++) {
            if (printed.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no block starting with '" + prefix + "' in\n" + String.join("\n", printed));
    }

    private static Map<String, double[][]> reference() throws IOException {
        Map<String, double[][]> blocks = new LinkedHashMap<>();
        try (InputStream in = BlogStepTest.class.getResourceAsStream("/explain-reference/blog_step.txt")) {
            String name = null;
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (Character.isLetter(line.charAt(0))) {
                    if (name != null) {
                        blocks.put(name, rows.toArray(double[][]::new));
                    }
                    name = line;
                    rows = new ArrayList<>();
                } else {
                    String[] cells = line.trim().split(" ");
                    double[] row = new double[cells.length];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = Double.parseDouble(cells[i]);
                    }
                    rows.add(row);
                }
            }
            blocks.put(name, rows.toArray(double[][]::new));
        }
        return blocks;
    }
}
