package org.nn4j.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;

/** Accuracy by hand: a 0.5 threshold for one column, argmax for several. */
class AccuracyTest {

    @Test
    void singleColumnUsesTheHalfThreshold() {
        Matrix predicted = Matrix.columnVector(0.2, 0.5, 0.49, 0.9);
        Matrix target = Matrix.columnVector(0, 1, 1, 0);
        // 0.2→0 ✓, 0.5→1 ✓, 0.49→0 ✗, 0.9→1 ✗
        assertEquals(0.5, new Accuracy().value(predicted, target));
    }

    @Test
    void severalColumnsUseArgmaxAndTheFirstWinsATie() {
        Matrix predicted = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.4, 0.4, 0.2}, {0.3, 0.3, 0.4}});
        Matrix target = Matrix.of(new double[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(2.0 / 3, new Accuracy().value(predicted, target));
        assertEquals(0, Accuracy.classOf(predicted, 1));
    }

    @Test
    void shapesMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Accuracy().value(Matrix.zeros(2, 3), Matrix.zeros(2, 2)));
        assertEquals("Accuracy: predicted vs target: 2×3 and 2×2 — shapes differ", e.getMessage());
    }
}
