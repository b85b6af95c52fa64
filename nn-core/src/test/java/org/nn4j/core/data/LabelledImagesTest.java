package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;

class LabelledImagesTest {

    @TempDir
    Path dir;

    private Path images(int n, int h, int w) throws IOException {
        return IdxFiles.write(dir.resolve("images.gz"), IdxFiles.idx(IdxFiles.pixels(n, h, w), n, h, w), true);
    }

    private Path labels(byte... labels) throws IOException {
        return IdxFiles.write(dir.resolve("labels"), IdxFiles.idx(labels, labels.length), false);
    }

    @Test
    void batchesArePixelsOver255AndOneHotLabels() throws IOException {
        LabelledImages set = LabelledImages.read(images(3, 2, 2), labels((byte) 2, (byte) 0, (byte) 1), 3);
        assertEquals(3, set.rows());
        assertEquals(4, set.inputColumns());
        assertEquals(3, set.targetColumns());
        // image i's pixel (r, c) is 7i + 3r + c: image 2 is 14, 15, 17, 18; image 0 is 0, 1, 3, 4
        assertEquals(Matrix.of(new double[][] {
                {14 / 255.0, 15 / 255.0, 17 / 255.0, 18 / 255.0},
                {0, 1 / 255.0, 3 / 255.0, 4 / 255.0}}), set.inputs(new int[] {2, 0}));
        assertEquals(Matrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}}), set.targets(new int[] {2, 0}));
        assertEquals(17, set.pixel(2, 1, 0));
        assertEquals(2, set.label(0));
        Dataset last = set.dataset(1, 3);
        assertEquals(set.inputs(new int[] {1, 2}), last.inputs());
        assertEquals(set.targets(new int[] {1, 2}), last.targets());
    }

    @Test
    void aRangeIsAViewOfTheRowsAfterItsStart() throws IOException {
        LabelledImages set = LabelledImages.read(images(5, 1, 3), labels((byte) 0, (byte) 1, (byte) 0, (byte) 1,
                (byte) 1), 2);
        Samples middle = set.range(1, 4);
        assertEquals(3, middle.rows());
        assertEquals(set.inputs(new int[] {3, 1}), middle.inputs(new int[] {2, 0}));
        assertEquals(set.targets(new int[] {3, 1}), middle.targets(new int[] {2, 0}));
    }

    @Test
    void pixelsAbove127AreUnsigned() {
        LabelledImages set = new LabelledImages(new byte[] {(byte) 255, (byte) 128}, new byte[] {1}, 1, 2, 2);
        assertEquals(Matrix.rowVector(1.0, 128 / 255.0), set.inputs(new int[] {0}));
    }

    @Test
    void countsThatDisagreeNameTheLabelsFile() throws IOException {
        Path images = images(3, 2, 2);
        Path labels = labels((byte) 1, (byte) 0);
        assertEquals(labels + ": holds 2 labels but " + images + " holds 3 images",
                assertThrows(IdxFormatException.class, () -> LabelledImages.read(images, labels, 10)).getMessage());
    }

    @Test
    void labelsOutOfRangeAndFilesSwapped() throws IOException {
        Path images = images(2, 2, 2);
        Path labels = labels((byte) 1, (byte) 10);
        assertEquals(labels + ": label 10 of image 1 is not below the 10 classes",
                assertThrows(IdxFormatException.class, () -> LabelledImages.read(images, labels, 10)).getMessage());
        assertEquals(labels + ": an images file has 3 dimensions (count×height×width), this one 2",
                assertThrows(IdxFormatException.class, () -> LabelledImages.read(labels, images, 10)).getMessage());
    }
}
