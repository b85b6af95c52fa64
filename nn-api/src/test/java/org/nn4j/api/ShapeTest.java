package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void axesSizeAndText() {
        Shape image = Shape.of(1, 28, 28);
        assertEquals(3, image.rank());
        assertEquals(784, image.size());
        assertEquals(28, image.dim(2));
        assertEquals("1×28×28", image.toString());
        assertEquals("2", Shape.of(2).toString());
        assertEquals(Shape.of(1, 28, 28), image);
        assertNotEquals(Shape.of(784), image);
    }

    @Test
    void isImmutable() {
        int[] dims = {3, 4};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        s.dims()[1] = 9;
        assertEquals(Shape.of(3, 4), s);
    }

    @Test
    void badAxesAreRefused() {
        assertEquals("Shape: needs at least one axis",
                assertThrows(IllegalArgumentException.class, Shape::of).getMessage());
        assertEquals("Shape: axes must be positive, got [1, 0, 28]",
                assertThrows(IllegalArgumentException.class, () -> Shape.of(1, 0, 28)).getMessage());
        assertEquals("Shape: [65536, 65536] has more than 2147483647 values",
                assertThrows(IllegalArgumentException.class, () -> Shape.of(65536, 65536)).getMessage());
    }

    @Test
    void aLayersDefaultOutputShapeIsAFlatRow() {
        Layer flat = new Layer() {
            @Override
            public Matrix forward(Matrix input) {
                return input;
            }

            @Override
            public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
                return outputGradient;
            }

            @Override
            public int outputSize(int inputSize) {
                return inputSize / 2;
            }
        };
        assertEquals(Shape.of(392), flat.outputShape(Shape.of(1, 28, 28)));
        assertEquals(java.util.Map.of(), flat.state());
    }
}
