package org.nn4j.plots;

import java.awt.Color;
import org.nn4j.api.Matrix;

/**
 * Sorts a model's outputs over a grid into a few colour levels, so that each level can be one XChart series.
 *
 * <pre>
 *   one output p:     level = round(clamp(p, 0, 1) · (levels − 1))
 *                     colour: class 0 at p = 0, white at p = 0.5, class 1 at p = 1
 *   k outputs:        level = class · steps + confidence step,  class = argmax, confidence = max output
 *                     colour: the class's colour, from pale (unsure) to strong (sure)
 * </pre>
 */
final class ColorLevels {

    private final int[] levelOfRow;
    private final int count;
    private final int steps;
    private final boolean twoClasses;

    private ColorLevels(int[] levelOfRow, int count, int steps, boolean twoClasses) {
        this.levelOfRow = levelOfRow;
        this.count = count;
        this.steps = steps;
        this.twoClasses = twoClasses;
    }

    static ColorLevels twoClasses(Matrix output, int levels) {
        int[] level = new int[output.rows()];
        for (int r = 0; r < level.length; r++) {
            double p = Math.max(0, Math.min(1, output.get(r, 0)));
            level[r] = (int) Math.round(p * (levels - 1));
        }
        return new ColorLevels(level, levels, levels, true);
    }

    static ColorLevels manyClasses(Matrix output, int steps) {
        int classes = output.cols();
        int[] level = new int[output.rows()];
        for (int r = 0; r < level.length; r++) {
            int best = classOf(output, r);
            // Confidence runs from 1/k (a guess) to 1 (certain).
            double confidence = (output.get(r, best) - 1.0 / classes) / (1 - 1.0 / classes);
            int step = (int) Math.round(Math.max(0, Math.min(1, confidence)) * (steps - 1));
            level[r] = best * steps + step;
        }
        return new ColorLevels(level, classes * steps, steps, false);
    }

    /** The class of row {@code r}: the rounded value of a single column, or the largest column. */
    static int classOf(Matrix values, int r) {
        if (values.cols() == 1) {
            return values.get(r, 0) >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < values.cols(); c++) {
            if (values.get(r, c) > values.get(r, best)) {
                best = c;
            }
        }
        return best;
    }

    int count() {
        return count;
    }

    int levelOf(int row) {
        return levelOfRow[row];
    }

    Color color(int level, Color[] classColors) {
        if (twoClasses) {
            double t = (double) level / (count - 1);
            return t < 0.5 ? pale(classColors[0], (0.5 - t) * 2) : pale(classColors[1], (t - 0.5) * 2);
        }
        int c = level / steps;
        double strength = 0.2 + 0.8 * (level % steps) / (double) (steps - 1);
        return pale(classColors[c % classColors.length], strength);
    }

    /** Mixes white with at most 60% of the colour, so the map stays lighter than the points drawn on it. */
    private static Color pale(Color color, double strength) {
        double s = 0.6 * strength;
        return new Color(mix(color.getRed(), s), mix(color.getGreen(), s), mix(color.getBlue(), s));
    }

    private static int mix(int channel, double s) {
        return (int) Math.round(255 + (channel - 255) * s);
    }
}
