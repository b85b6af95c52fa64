package org.nn4j.examples.fashion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nn4j.core.data.LabelledImages;
import org.nn4j.core.layers.Conv2D;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.plots.LossPlot;

/**
 * What {@code fashion-mnist --plot DIR} writes: the loss curve, the confusion matrix on the test images, the first
 * 32 test images with the model's guesses, and, for a network that starts with a convolution, its filters.
 */
public final class FashionPictures {

    /** The loss curve's file name. */
    public static final String LOSS = "loss.png";
    /** The confusion matrix's file name. */
    public static final String CONFUSION = "confusion-matrix.png";
    /** The test images' file name. */
    public static final String IMAGES = "test-images.png";
    /** The first layer's filters' file name. */
    public static final String FILTERS = "filters.png";

    private FashionPictures() {
    }

    /**
     * Writes the pictures.
     *
     * @param directory where to write them; created if missing
     * @param title what the run was, for the titles
     * @param logScale whether the loss axis is logarithmic
     * @param history what training measured
     * @param model the trained model
     * @param test the test images
     * @param evaluation the model's guesses on them
     * @return the files written, in order
     * @throws IOException if the directory or a file cannot be written
     */
    public static List<Path> write(Path directory, String title, boolean logScale, TrainingHistory history,
            Sequential model, LabelledImages test, Evaluation evaluation) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Path loss = directory.resolve(LOSS);
        LossPlot.write(history, "Loss: " + title, logScale, loss);
        written.add(loss);
        Path confusion = directory.resolve(CONFUSION);
        PngImages.write(ConfusionMatrixPicture.draw(evaluation.confusion(), FashionMnist.CLASS_NAMES,
                String.format(java.util.Locale.ROOT, "Test images: %s, accuracy %.4f", title,
                        evaluation.accuracy())), confusion);
        written.add(confusion);
        Path images = directory.resolve(IMAGES);
        PngImages.write(ImageGridPicture.draw(test, evaluation, 32, FashionMnist.CLASS_NAMES,
                "The first 32 test images, the model's guess above (red: wrong, true class below)"), images);
        written.add(images);
        if (!model.layers().isEmpty() && model.layers().get(0) instanceof Conv2D conv) {
            Path filters = directory.resolve(FILTERS);
            PngImages.write(FilterPicture.draw(conv, "The first layer's " + conv.filters() + " filters: " + title),
                    filters);
            written.add(filters);
        }
        return List.copyOf(written);
    }
}
