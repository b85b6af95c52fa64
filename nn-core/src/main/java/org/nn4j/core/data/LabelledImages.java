package org.nn4j.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.nn4j.api.Matrix;

/**
 * Grey images with a class label each, as MNIST and Fashion-MNIST hold them: the pixels stay unsigned bytes (one
 * byte a pixel, 47 MB for Fashion-MNIST's 60,000 training images, where doubles would take 376 MB) until a batch
 * asks for them, and only then become a matrix of doubles scaled to [0, 1].
 * <pre>
 *   inputs(rows)   row r of the batch = image rows[r], flattened row by row:  x = pixel / 255      n × (height·width)
 *   targets(rows)  row r of the batch = one-hot label of image rows[r]                              n × classes
 * </pre>
 * Read a pair of IDX files with {@link #read(Path, Path, int)}; train on it directly ({@code Sequential.fit}
 * takes any {@link Samples}), or make a {@link Dataset} of some rows with {@link #dataset(int, int)}.
 * Immutable: the arrays are never handed out.
 */
public final class LabelledImages implements Samples {

    private final byte[] pixels;
    private final byte[] labels;
    private final int count;
    private final int height;
    private final int width;
    private final int classes;

    /**
     * @param pixels the images' pixels, image after image, each row by row (copied)
     * @param labels a class per image, each in {@code [0, classes)} (copied)
     * @param height pixels per column
     * @param width pixels per row
     * @param classes the number of classes, at least 2
     * @throws IllegalArgumentException if the sizes disagree or a label is out of range
     */
    public LabelledImages(byte[] pixels, byte[] labels, int height, int width, int classes) {
        this(pixels.clone(), labels.clone(), height, width, classes, "LabelledImages");
    }

    private LabelledImages(byte[] pixels, byte[] labels, int height, int width, int classes, String source) {
        if (height < 1 || width < 1 || classes < 2) {
            throw new IllegalArgumentException(source + ": height and width must be at least 1 and classes at"
                    + " least 2, got " + height + "×" + width + " and " + classes);
        }
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels need "
                    + (long) labels.length * height * width + " pixels of " + height + "×" + width
                    + " images, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classes) {
                throw new IllegalArgumentException(source + ": label " + (labels[i] & 0xFF) + " of image " + i
                        + " is outside [0, " + classes + ")");
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.count = labels.length;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /**
     * Reads an images file ({@code n×height×width}) and its labels file ({@code n}), each IDX, gzip-compressed or
     * plain, such as {@code train-images-idx3-ubyte.gz} and {@code train-labels-idx1-ubyte.gz}.
     *
     * @param images the images file: three dimensions
     * @param labels the labels file: one dimension, as many labels as there are images
     * @param classes the number of classes; every label must be below it
     * @return the images and labels
     * @throws IOException if a file cannot be read
     * @throws IdxFormatException if a file is not a well-formed IDX file, has the wrong number of dimensions, the
     *     counts disagree, or a label is not below {@code classes} (the message names the file)
     */
    public static LabelledImages read(Path images, Path labels, int classes) throws IOException {
        IdxFile imageFile = IdxFile.read(images);
        if (imageFile.dimensions().length != 3) {
            throw new IdxFormatException(images.toString(), "an images file has 3 dimensions (count×height×width),"
                    + " this one " + IdxFile.describe(imageFile.dimensions()));
        }
        IdxFile labelFile = IdxFile.read(labels);
        if (labelFile.dimensions().length != 1) {
            throw new IdxFormatException(labels.toString(), "a labels file has 1 dimension (count), this one "
                    + IdxFile.describe(labelFile.dimensions()));
        }
        if (labelFile.size(0) != imageFile.size(0)) {
            throw new IdxFormatException(labels.toString(), "holds " + labelFile.size(0) + " labels but "
                    + images + " holds " + imageFile.size(0) + " images");
        }
        byte[] labelBytes = labelFile.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if ((labelBytes[i] & 0xFF) >= classes) {
                throw new IdxFormatException(labels.toString(), "label " + (labelBytes[i] & 0xFF) + " of image "
                        + i + " is not below the " + classes + " classes");
            }
        }
        return new LabelledImages(imageFile.data(), labelBytes, imageFile.size(1), imageFile.size(2), classes,
                images.toString());
    }

    @Override
    public int rows() {
        return count;
    }

    @Override
    public int inputColumns() {
        return height * width;
    }

    @Override
    public int targetColumns() {
        return classes;
    }

    /** @return pixels per column */
    public int height() {
        return height;
    }

    /** @return pixels per row */
    public int width() {
        return width;
    }

    /** @return the number of classes */
    public int classes() {
        return classes;
    }

    /**
     * @param image which image, from 0
     * @return its label, in {@code [0, classes())}
     */
    public int label(int image) {
        Objects.checkIndex(image, count);
        return labels[image] & 0xFF;
    }

    /**
     * @param image which image, from 0
     * @param row the pixel row, from the top
     * @param col the pixel column, from the left
     * @return the pixel as stored, 0 (black) to 255 (white)
     */
    public int pixel(int image, int row, int col) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(row, height);
        Objects.checkIndex(col, width);
        return pixels[(image * height + row) * width + col] & 0xFF;
    }

    @Override
    public Matrix inputs(int[] rows) {
        int size = height * width;
        Matrix x = Matrix.zeros(rows.length, size);
        for (int r = 0; r < rows.length; r++) {
            int from = Objects.checkIndex(rows[r], count) * size;
            for (int j = 0; j < size; j++) {
                x.setFlat(r * size + j, (pixels[from + j] & 0xFF) / 255.0);
            }
        }
        return x;
    }

    @Override
    public Matrix targets(int[] rows) {
        Matrix oneHot = Matrix.zeros(rows.length, classes);
        for (int r = 0; r < rows.length; r++) {
            oneHot.set(r, labels[Objects.checkIndex(rows[r], count)] & 0xFF, 1.0);
        }
        return oneHot;
    }

    /**
     * The images {@code from … to − 1} as doubles in a {@link Dataset} (8 bytes a pixel: take what you need).
     *
     * @param from the first image, inclusive
     * @param to the last image, exclusive
     * @return their inputs scaled to [0, 1] and their one-hot labels
     * @throws IllegalArgumentException if the range is empty or outside the images
     */
    public Dataset dataset(int from, int to) {
        if (from < 0 || to > count || from >= to) {
            throw new IllegalArgumentException("LabelledImages.dataset: [" + from + ", " + to + ") is not a"
                    + " non-empty range of the " + count + " images");
        }
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return new Dataset(inputs(rows), targets(rows));
    }

    @Override
    public String toString() {
        return "LabelledImages[" + count + " images of " + height + "×" + width + ", " + classes + " classes]";
    }
}
