package org.nn4j.examples.fashion;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.nn4j.core.data.LabelledImages;

/**
 * The first test images in a grid, each with the model's guess above it and, when the guess is wrong, a red frame
 * and the true class in red below it.
 */
public final class ImageGridPicture {

    private static final int SCALE = 3;
    private static final int COLUMNS = 8;
    private static final int LABEL = 16;
    private static final int GAP = 12;

    private ImageGridPicture() {
    }

    /**
     * @param images the test images
     * @param evaluation the model's guesses for them
     * @param count how many images to show (the first ones)
     * @param classNames the classes' names
     * @param title the picture's title
     * @return the picture
     */
    public static BufferedImage draw(LabelledImages images, Evaluation evaluation, int count,
            List<String> classNames, String title) {
        int shown = Math.min(count, images.rows());
        int cellWidth = Math.max(images.width() * SCALE, 92) + GAP;
        int cellHeight = images.height() * SCALE + 2 * LABEL + GAP;
        int rows = (shown + COLUMNS - 1) / COLUMNS;
        BufferedImage image = PngImages.canvas(COLUMNS * cellWidth + GAP, 40 + rows * cellHeight);
        Graphics2D g = PngImages.pen(image);
        PngImages.centred(g, title, image.getWidth() / 2, 22);
        for (int i = 0; i < shown; i++) {
            int x = GAP + (i % COLUMNS) * cellWidth;
            int y = 40 + (i / COLUMNS) * cellHeight;
            int left = x + (cellWidth - GAP - images.width() * SCALE) / 2;
            int predicted = evaluation.predicted()[i];
            int truth = images.label(i);
            boolean wrong = predicted != truth;
            g.setColor(wrong ? PngImages.MISTAKE : Color.BLACK);
            PngImages.centred(g, classNames.get(predicted), x + (cellWidth - GAP) / 2, y + LABEL - 4);
            for (int r = 0; r < images.height(); r++) {
                for (int c = 0; c < images.width(); c++) {
                    int v = 255 - images.pixel(i, r, c); // dark clothes on white paper
                    g.setColor(new Color(v, v, v));
                    g.fillRect(left + c * SCALE, y + LABEL + r * SCALE, SCALE, SCALE);
                }
            }
            if (wrong) {
                g.setColor(PngImages.MISTAKE);
                g.setStroke(new BasicStroke(2));
                g.drawRect(left - 1, y + LABEL - 1, images.width() * SCALE + 2, images.height() * SCALE + 2);
                PngImages.centred(g, "(" + classNames.get(truth) + ")", x + (cellWidth - GAP) / 2,
                        y + LABEL + images.height() * SCALE + LABEL - 2);
            }
        }
        g.dispose();
        return image;
    }
}
