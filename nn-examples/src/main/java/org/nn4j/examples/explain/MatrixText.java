package org.nn4j.examples.explain;

import java.util.ArrayList;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.core.text.Decimals;

/**
 * Prints matrices as aligned columns of fixed-point numbers, the way one would copy them onto paper:
 * <pre>
 *   z1 = X · weights1 + bias1                        4×4
 *       -0.156978    0.464070   -0.467984    0.597185
 *        0.175911   -0.022355   -0.123669    1.118839
 * </pre>
 */
public final class MatrixText {

    private MatrixText() {
    }

    /**
     * @param m the matrix
     * @param digits digits after the decimal point
     * @param indent spaces before every row
     * @return one line per row, every column right-aligned to the widest number in the matrix
     */
    public static List<String> rows(Matrix m, int digits, int indent) {
        String[] cells = new String[m.size()];
        int width = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Decimals.fixed(m.getFlat(i), digits);
            width = Math.max(width, cells[i].length());
        }
        List<String> lines = new ArrayList<>(m.rows());
        for (int r = 0; r < m.rows(); r++) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int c = 0; c < m.cols(); c++) {
                String cell = cells[r * m.cols() + c];
                line.append(c == 0 ? "" : "  ").append(" ".repeat(width - cell.length())).append(cell);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A titled block: the title with the shape at the end of the line, then the rows.
     *
     * @param title what the matrix is, such as {@code z1 = X · weights1 + bias1}
     * @param m the matrix
     * @param digits digits after the decimal point
     * @return the block's lines
     */
    public static List<String> block(String title, Matrix m, int digits) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-58s %s", title, m.shape()));
        lines.addAll(rows(m, digits, 4));
        return lines;
    }
}
