package org.nn4j.examples.fashion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nn4j.core.data.LabelledImages;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of clothing, 28×28 grey
 * pixels, in ten classes, as four IDX files. Debian's {@code dataset-fashion-mnist} package puts them in
 * {@value #DEBIAN_DIRECTORY}.
 *
 * @param train the 60,000 training images
 * @param test the 10,000 test images
 */
public record FashionMnist(LabelledImages train, LabelledImages test) {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final String DEBIAN_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /** The ten classes, in label order (label 0 is a T-shirt or top). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The four files, in the order they are read: training images and labels, test images and labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /**
     * Reads the four files from a directory.
     *
     * @param directory the directory holding {@link #FILES}
     * @return the training and test images
     * @throws IllegalArgumentException if a file is missing (the message says how to install them)
     * @throws org.nn4j.core.data.IdxFormatException if a file is damaged (the message names it)
     * @throws IOException if a file cannot be read
     */
    public static FashionMnist read(Path directory) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--data " + directory + ": missing " + String.join(", ", missing)
                    + "; install the data set with `sudo apt-get install dataset-fashion-mnist` (it goes to "
                    + DEBIAN_DIRECTORY + "), or download the four files from"
                    + " https://github.com/zalandoresearch/fashion-mnist into " + directory);
        }
        int classes = CLASS_NAMES.size();
        LabelledImages train = LabelledImages.read(directory.resolve(FILES.get(0)), directory.resolve(FILES.get(1)),
                classes);
        LabelledImages test = LabelledImages.read(directory.resolve(FILES.get(2)), directory.resolve(FILES.get(3)),
                classes);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("--data " + directory + ": training images are " + train.height()
                    + "×" + train.width() + " but test images " + test.height() + "×" + test.width());
        }
        return new FashionMnist(train, test);
    }
}
