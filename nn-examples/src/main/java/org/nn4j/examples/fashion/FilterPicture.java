package org.nn4j.examples.fashion;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Conv2D;

/**
 * A convolution's filters as little pictures, one per filter and input channel: each weight a square, red for
 * positive, blue for negative, white for zero, all on one scale (the largest weight's size), so that one can see
 * which are edge, stripe and blob detectors.
 */
public final class FilterPicture {

    private static final int SQUARE = 12;
    private static final int GAP = 10;
    private static final int COLUMNS = 8;
    private static final int TOP = 40;

    private FilterPicture() {
    }

    /**
     * @param layer a convolution (its weights: column {@code f} is filter {@code f}, rows channel by channel, each
     *     kernel row by row)
     * @param title the picture's title
     * @return the picture: filters in rows of eight, a filter's channels side by side
     */
    public static BufferedImage draw(Conv2D layer, String title) {
        Matrix w = layer.weights().value();
        int k = layer.kernelSize();
        int channels = w.rows() / (k * k);
        int filters = layer.filters();
        double scale = Math.max(w.maxAbs(), 1e-12);
        int cell = channels * k * SQUARE + (channels - 1) * 2 + GAP;
        int rows = (filters + COLUMNS - 1) / COLUMNS;
        int width = Math.max(COLUMNS * cell + GAP, 360);
        BufferedImage image = PngImages.canvas(width, TOP + rows * (k * SQUARE + GAP) + 24);
        Graphics2D g = PngImages.pen(image);
        PngImages.centred(g, title, width / 2, 22);
        for (int f = 0; f < filters; f++) {
            int x0 = GAP + (f % COLUMNS) * cell;
            int y0 = TOP + (f / COLUMNS) * (k * SQUARE + GAP);
            for (int ch = 0; ch < channels; ch++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double v = w.get((ch * k + i) * k + j, f) / scale;
                        g.setColor(colour(v));
                        g.fillRect(x0 + ch * (k * SQUARE + 2) + j * SQUARE, y0 + i * SQUARE, SQUARE, SQUARE);
                    }
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(java.util.Locale.ROOT, "red positive, blue negative; full colour = %.3f", scale),
                GAP, image.getHeight() - 8);
        g.dispose();
        return image;
    }

    /** @return white at 0, shading to red at +1 and blue at −1 */
    static Color colour(double v) {
        double a = Math.min(1, Math.abs(v));
        int fade = (int) Math.round(255 * (1 - a));
        return v >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }
}
