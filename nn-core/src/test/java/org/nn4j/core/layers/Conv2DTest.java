package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.FixedTraining;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

class Conv2DTest {

    /** One 1×3×3 image holding 1 to 9, row by row. */
    private static final Matrix ONE_TO_NINE = Matrix.rowVector(1, 2, 3, 4, 5, 6, 7, 8, 9);

    /** Two 2×2 filters: K1 = [[1, 2], [0, −1]] with bias 0.5, K2 = [[0, 0], [1, 0]] with bias 0. */
    private static Conv2D twoFilters() {
        Conv2D conv = new Conv2D(Shape.of(1, 3, 3), 2, 2, 1, Padding.VALID);
        // Rows are the kernel positions (i, j) = (0,0), (0,1), (1,0), (1,1); columns are the filters.
        conv.weights().value().copyFromInPlace(Matrix.of(new double[][] {{1, 0}, {2, 0}, {0, 1}, {-1, 0}}));
        conv.bias().value().copyFromInPlace(Matrix.rowVector(0.5, 0));
        return conv;
    }

    @Test
    void validConvolutionByHand() {
        // Filter 1, window at (oy, ox) = x[oy][ox]·1 + x[oy][ox+1]·2 + x[oy+1][ox]·0 + x[oy+1][ox+1]·(−1) + 0.5:
        //   (0,0): 1 + 4 − 5 + 0.5 = 0.5    (0,1): 2 + 6 − 6 + 0.5 = 2.5
        //   (1,0): 4 + 10 − 8 + 0.5 = 6.5   (1,1): 5 + 12 − 9 + 0.5 = 8.5
        // Filter 2 picks the value below the window's corner: 4, 5, 7, 8. Output: filter 1's image, then filter 2's.
        Conv2D conv = twoFilters();
        assertEquals(Matrix.rowVector(0.5, 2.5, 6.5, 8.5, 4, 5, 7, 8), conv.forward(ONE_TO_NINE));
        assertEquals(Shape.of(2, 2, 2), conv.outputShape(Shape.of(1, 3, 3)));
        assertEquals("Conv2D(1→2, 2×2, stride 1, valid)", conv.describe());
    }

    @Test
    void backwardByHand() {
        // δ = 1 on every pixel of filter 1, 0 on filter 2:
        //   ∂L/∂W (filter 1) = Σ over windows of the patch: (0,0) 1+2+4+5 = 12, (0,1) 16, (1,0) 24, (1,1) 28
        //   ∂L/∂b = (4, 0)
        //   ∂L/∂x[y][x] = Σ of K1 entries that touched (y, x): the four windows' kernels added where they lie
        //     [[1, 1+2, 2], [0+1, −1+0+2+1, −1+2], [0, −1+0, −1]] = [[1, 3, 2], [1, 2, 1], [0, −1, −1]]
        Conv2D conv = twoFilters();
        Matrix delta = Matrix.rowVector(1, 1, 1, 1, 0, 0, 0, 0);
        Matrix dx = conv.backward(ONE_TO_NINE, conv.forward(ONE_TO_NINE), delta);
        assertEquals(Matrix.rowVector(1, 3, 2, 1, 2, 1, 0, -1, -1), dx);
        assertEquals(Matrix.of(new double[][] {{12, 0}, {16, 0}, {24, 0}, {28, 0}}), conv.weights().gradient());
        assertEquals(Matrix.rowVector(4, 0), conv.bias().gradient());
    }

    @Test
    void samePaddingWithStrideTwoOverTwoChannelsByHand() {
        // A 2×3×3 image: channel 0 holds 1 to 9, channel 1 is all ones. Same padding, stride 2, 3×3 kernel:
        // out = ⌈3/2⌉ = 2, total padding (2−1)·2 + 3 − 3 = 2, one zero row/column before and one after, so the
        // windows start at −1 and 1. The one filter sums channel 0's window and takes 10× channel 1's centre:
        //   (0,0): 1+2+4+5 + 10 = 22    (0,1): 2+3+5+6 + 10 = 26
        //   (1,0): 4+5+7+8 + 10 = 34    (1,1): 5+6+8+9 + 10 = 38
        Conv2D conv = new Conv2D(Shape.of(2, 3, 3), 1, 3, 2, Padding.SAME);
        double[] w = new double[18];
        java.util.Arrays.fill(w, 0, 9, 1.0);
        w[9 + 4] = 10;
        conv.weights().value().copyFromInPlace(Matrix.fromRowMajor(18, 1, w));
        Matrix image = Matrix.rowVector(1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(Matrix.rowVector(22, 26, 34, 38), conv.forward(image));
        assertEquals(Shape.of(1, 2, 2), conv.outputShape(Shape.of(2, 3, 3)));
        assertEquals(Shape.of(4, 28, 28), new Conv2D(Shape.of(1, 28, 28), 4, 3, 1, Padding.SAME)
                .outputShape(Shape.of(1, 28, 28)));
    }

    @Test
    void trainingPassesGiveThePlainPassesNumbers() {
        NumpyRandom random = new NumpyRandom(3);
        Conv2D conv = new Conv2D(Shape.of(2, 5, 4), 3, 3, 2, Padding.SAME);
        new GlorotUniform().initialize(conv.weights().value(), conv.fanIn(), conv.fanOut(), random);
        Matrix x = Matrix.zeros(3, 40).map(v -> random.nextDouble() - 0.5);
        Matrix g = Matrix.zeros(3, 3 * 3 * 2).map(v -> random.nextDouble());
        Matrix plain = conv.backward(x, conv.forward(x), g);
        Matrix weightGradient = conv.weights().gradient().copy();
        conv.weights().gradient().fillInPlace(0);
        conv.bias().gradient().fillInPlace(0);
        FixedTraining training = new FixedTraining(1);
        Matrix out = conv.forward(x, training);
        assertEquals(conv.forward(x), out);
        assertEquals(plain, conv.backward(x, out, g, training));
        assertEquals(weightGradient, conv.weights().gradient());
    }

    @Test
    void copiesAreIndependent() {
        Conv2D conv = twoFilters();
        Conv2D copy = conv.copy();
        assertEquals(conv.forward(ONE_TO_NINE), copy.forward(ONE_TO_NINE));
        copy.weights().value().set(0, 0, 7);
        assertEquals(Matrix.rowVector(0.5, 2.5, 6.5, 8.5, 4, 5, 7, 8), conv.forward(ONE_TO_NINE));
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("Conv2D: input must be an image channels×height×width, got 784",
                assertThrows(IllegalArgumentException.class,
                        () -> new Conv2D(Shape.of(784), 2, 3, 1, Padding.VALID)).getMessage());
        assertEquals("Conv2D: a 5×5 kernel with valid padding does not fit a 1×4×4 image",
                assertThrows(IllegalArgumentException.class,
                        () -> new Conv2D(Shape.of(1, 4, 4), 2, 5, 1, Padding.VALID)).getMessage());
        assertEquals("Conv2D(1→2, 2×2, stride 1, valid).forward: input has 8 columns, expected 9 (1×3×3)",
                assertThrows(IllegalArgumentException.class, () -> twoFilters().forward(Matrix.zeros(1, 8)))
                        .getMessage());
        assertEquals("Sequential.builder: conv2d (layer 0) needs an image channels×height×width, but its input is"
                + " 9 (start with input(channels, height, width))",
                assertThrows(IllegalArgumentException.class, () -> Sequential.builder().input(9).conv2d(2, 2)
                        .flatten().dense(2).loss(new SoftmaxCrossEntropy()).optimizer(new Sgd(0.1)).seed(1).build())
                        .getMessage());
    }

    @Test
    void theBuilderChainsTheKerasConvnetsShapes() {
        Sequential model = Sequential.builder().input(1, 28, 28)
                .conv2d(32, 3).maxPool2d(2).conv2d(64, 3).maxPool2d(2).flatten().dropout(0.5).dense(10)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Sgd(0.1)).seed(1).build();
        assertEquals(Shape.of(32, 26, 26), model.outputShape(0));
        assertEquals(Shape.of(32, 13, 13), model.outputShape(1));
        assertEquals(Shape.of(64, 11, 11), model.outputShape(2));
        assertEquals(Shape.of(64, 5, 5), model.outputShape(3));
        assertEquals(Shape.of(1600), model.outputShape(4));
        assertEquals(Shape.of(10), model.outputShape(6));
        // Every parameter is drawn (Uniform(−1, 1) by default), none left at zero.
        Conv2D first = (Conv2D) model.layers().get(0);
        assertEquals(9, first.weights().value().rows());
        assertEquals(0, (int) java.util.stream.IntStream.range(0, 9 * 32)
                .filter(i -> first.weights().value().getFlat(i) == 0).count());
    }
}
