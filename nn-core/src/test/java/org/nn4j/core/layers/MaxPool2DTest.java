package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;

class MaxPool2DTest {

    @Test
    void twoByTwoWindowsByHand() {
        // x = [[1, 5, 2, 0], [3, 4, 8, 1], [0, −1, 2, 2], [7, 6, 3, 9]], windows of 2×2:
        //   top-left max(1, 5, 3, 4) = 5 at (0,1)      top-right max(2, 0, 8, 1) = 8 at (1,2)
        //   bottom-left max(0, −1, 7, 6) = 7 at (3,0)  bottom-right max(2, 2, 3, 9) = 9 at (3,3)
        Matrix x = Matrix.rowVector(1, 5, 2, 0, 3, 4, 8, 1, 0, -1, 2, 2, 7, 6, 3, 9);
        MaxPool2D pool = new MaxPool2D(Shape.of(1, 4, 4), 2);
        Matrix out = pool.forward(x);
        assertEquals(Matrix.rowVector(5, 8, 7, 9), out);
        // Each window's gradient goes back to its winner only.
        assertEquals(Matrix.rowVector(0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 4),
                pool.backward(x, out, Matrix.rowVector(1, 2, 3, 4)));
        assertEquals(Shape.of(1, 2, 2), pool.outputShape(Shape.of(1, 4, 4)));
    }

    @Test
    void overlappingWindowsAddTheirGradientsAndTiesGoToTheFirst() {
        // Two channels of 2×3, window 2, stride 1: channel 0 [[1, 3, 2], [0, 1, 0]] has max 3 at (0,1) in both
        // windows, so that pixel collects both gradients (1 + 1); channel 1 is all 2s: the first value of each
        // window (row by row) wins, (0,0) for the first window and (0,1) for the second.
        Matrix x = Matrix.rowVector(1, 3, 2, 0, 1, 0, 2, 2, 2, 2, 2, 2);
        MaxPool2D pool = new MaxPool2D(Shape.of(2, 2, 3), 2, 1);
        Matrix out = pool.forward(x);
        assertEquals(Matrix.rowVector(3, 3, 2, 2), out);
        assertEquals(Matrix.rowVector(0, 2, 0, 0, 0, 0, 5, 7, 0, 0, 0, 0),
                pool.backward(x, out, Matrix.rowVector(1, 1, 5, 7)));
        assertEquals(Shape.of(2, 1, 2), pool.outputShape(Shape.of(2, 2, 3)));
    }

    @Test
    void trainingPassesGiveThePlainPassesNumbers() {
        Matrix x = Matrix.rowVector(1, 3, 2, 0, 1, 0, 2, 2, 2, 2, 2, 2);
        MaxPool2D pool = new MaxPool2D(Shape.of(2, 2, 3), 2, 1);
        org.nn4j.core.FixedTraining training = new org.nn4j.core.FixedTraining(1);
        Matrix out = pool.forward(x, training);
        assertEquals(pool.forward(x), out);
        Matrix g = Matrix.rowVector(1, 1, 5, 7);
        assertEquals(pool.backward(x, out, g), pool.backward(x, out, g, training));
    }

    @Test
    void theKerasPoolDropsTheOddLastRow() {
        // 1×3×3 pooled 2×2 keeps only the top-left window (⌊(3 − 2)/2⌋ + 1 = 1), as Keras' valid pooling.
        MaxPool2D pool = new MaxPool2D(Shape.of(1, 3, 3), 2);
        assertEquals(Matrix.rowVector(5), pool.forward(Matrix.rowVector(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertEquals(Shape.of(32, 13, 13), new MaxPool2D(Shape.of(32, 26, 26), 2).outputShape(Shape.of(32, 26, 26)));
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("MaxPool2D: a 3×3 window does not fit a 1×2×2 image",
                assertThrows(IllegalArgumentException.class, () -> new MaxPool2D(Shape.of(1, 2, 2), 3)).getMessage());
        assertEquals("MaxPool2D(2×2, stride 2): input is 1×4×5, expected 1×4×4",
                assertThrows(IllegalArgumentException.class,
                        () -> new MaxPool2D(Shape.of(1, 4, 4), 2).outputShape(Shape.of(1, 4, 5))).getMessage());
    }
}
