package org.nn4j.examples.fashion;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The confusion matrix as a picture: row {@code t}, column {@code p} holds how many test images of class {@code t}
 * the model called {@code p}, shaded by the fraction of row {@code t} (the diagonal is what it got right).
 */
public final class ConfusionMatrixPicture {

    private static final int CELL = 56;
    private static final int LEFT = 110;
    private static final int TOP = 60;
    private static final int BOTTOM = 100;

    private ConfusionMatrixPicture() {
    }

    /**
     * @param counts {@code counts[t][p]}, square
     * @param classNames the classes' names, one per row
     * @param title the picture's title
     * @return the picture
     */
    public static BufferedImage draw(int[][] counts, List<String> classNames, String title) {
        int k = counts.length;
        BufferedImage image = PngImages.canvas(LEFT + k * CELL + 60, TOP + k * CELL + BOTTOM);
        Graphics2D g = PngImages.pen(image);
        PngImages.centred(g, title, image.getWidth() / 2, 22);
        PngImages.centred(g, "predicted class", LEFT + k * CELL / 2, image.getHeight() - 12);
        g.drawString("true class", 8, 44);
        for (int t = 0; t < k; t++) {
            int total = 0;
            for (int p = 0; p < k; p++) {
                total += counts[t][p];
            }
            g.setColor(Color.BLACK);
            g.drawString(classNames.get(t), 8, TOP + t * CELL + CELL / 2 + 5);
            for (int p = 0; p < k; p++) {
                double share = total == 0 ? 0 : (double) counts[t][p] / total;
                // white for none of the row, deep blue for all of it
                g.setColor(new Color((int) (255 - 224 * share), (int) (255 - 136 * share), (int) (255 - 75 * share)));
                g.fillRect(LEFT + p * CELL, TOP + t * CELL, CELL, CELL);
                g.setColor(share > 0.5 ? Color.WHITE : t == p ? Color.BLACK : PngImages.MISTAKE);
                if (counts[t][p] > 0) {
                    PngImages.centred(g, Integer.toString(counts[t][p]), LEFT + p * CELL + CELL / 2,
                            TOP + t * CELL + CELL / 2 + 5);
                }
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, k * CELL, k * CELL);
        g.setColor(Color.BLACK);
        AffineTransform upright = g.getTransform();
        for (int p = 0; p < k; p++) {
            // column labels slanted so that long names fit under narrow cells
            g.setTransform(upright);
            g.translate(LEFT + p * CELL + CELL / 2 - 4, TOP + k * CELL + 12);
            g.rotate(Math.toRadians(35));
            g.drawString(classNames.get(p), 0, 0);
        }
        g.dispose();
        return image;
    }
}
