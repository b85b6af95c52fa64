package org.nn4j.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The confusion matrix's cells are coloured by each true class's share (white for none of the row, deep blue for
 * all of it), rows being true classes and columns predicted ones: a transposed or uncoloured picture fails here.
 */
class ConfusionMatrixPictureTest {

    /** Cells are 56 pixels square, from (110, 60); a point 3 pixels inside a cell's corner is clear of its number. */
    private static int cell(BufferedImage image, int trueClass, int predicted) {
        return image.getRGB(110 + predicted * 56 + 3, 60 + trueClass * 56 + 3) & 0xFFFFFF;
    }

    @Test
    void eachCellShowsItsShareOfTheTrueClass() {
        int[][] counts = {{3, 1}, {0, 4}};
        BufferedImage image = ConfusionMatrixPicture.draw(counts, List.of("a", "b"), "test");
        // share s gives (255 − 224·s, 255 − 136·s, 255 − 75·s), truncated: worked by hand
        assertEquals(0x5799C6, cell(image, 0, 0), "3 of 4 a's taken for a: (87, 153, 198)");
        assertEquals(0xC7DDEC, cell(image, 0, 1), "1 of 4 a's taken for b: (199, 221, 236)");
        assertEquals(0xFFFFFF, cell(image, 1, 0), "no b taken for a: white");
        assertEquals(0x1F77B4, cell(image, 1, 1), "every b taken for b: (31, 119, 180)");
    }
}
