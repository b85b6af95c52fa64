package org.nn4j.examples.fashion;

import org.nn4j.api.Matrix;
import org.nn4j.core.data.LabelledImages;
import org.nn4j.core.model.Sequential;

/**
 * A model's predictions on a set of images, made 250 images at a time (so that no more than 250
 * rows of doubles exist at once), with the accuracy and the confusion matrix.
 *
 * @param truth the true class of every image
 * @param predicted the predicted class of every image (the largest output)
 * @param classes the number of classes
 */
public record Evaluation(int[] truth, int[] predicted, int classes) {

    /** Images predicted together: the CNN's first convolution alone makes 21,632 doubles of each. */
    private static final int CHUNK = 250;

    /**
     * @param model a trained model whose outputs are the classes' scores
     * @param images the images to classify
     * @return every image's true and predicted class
     */
    public static Evaluation of(Sequential model, LabelledImages images) {
        int n = images.rows();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            Matrix scores = model.predict(images.inputs(rows));
            for (int i = 0; i < rows.length; i++) {
                truth[from + i] = images.label(from + i);
                predicted[from + i] = argmax(scores, i);
            }
        }
        return new Evaluation(truth, predicted, images.classes());
    }

    /** @return the column of row {@code row}'s largest value (the first, on a tie) */
    static int argmax(Matrix scores, int row) {
        int best = 0;
        for (int j = 1; j < scores.cols(); j++) {
            if (scores.get(row, j) > scores.get(row, best)) {
                best = j;
            }
        }
        return best;
    }

    /** @return the fraction of images predicted right */
    public double accuracy() {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    /** @return {@code counts[t][p]}: how many images of class {@code t} were predicted as {@code p} */
    public int[][] confusion() {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }
}
