package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

class FlattenTest {

    @Test
    void theNumbersPassThroughAndOnlyTheShapeChanges() {
        // Two 2×1×2 samples: the flat row is channel 0 (row 0, then row 1), then channel 1, unchanged.
        Matrix images = Matrix.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        Flatten flatten = new Flatten();
        assertSame(images, flatten.forward(images));
        Matrix g = Matrix.of(new double[][] {{0.5, -1, 2, 0}, {1, 1, 1, 1}});
        assertSame(g, flatten.backward(images, images, g));
        assertEquals(Shape.of(4), flatten.outputShape(Shape.of(2, 1, 2)));
        assertEquals(Shape.of(784), flatten.outputShape(Shape.of(1, 28, 28)));
        assertEquals(784, flatten.outputSize(784));
    }

    @Test
    void aWrongGradientShapeIsNamed() {
        Matrix x = Matrix.zeros(2, 4);
        assertEquals("Flatten.backward: outputGradient is 2×3, expected 2×4",
                assertThrows(IllegalArgumentException.class,
                        () -> new Flatten().backward(x, x, Matrix.zeros(2, 3))).getMessage());
    }

    @Test
    void theBuilderFlattensAnImageBeforeADenseLayer() {
        Sequential model = Sequential.builder().input(1, 2, 3).flatten().dense(2).loss(new SoftmaxCrossEntropy())
                .optimizer(new Sgd(0.1)).seed(1).build();
        assertEquals(Shape.of(6), model.outputShape(0));
        assertEquals(Shape.of(2), model.outputShape(1));
    }
}
