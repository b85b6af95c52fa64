package org.nn4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void gradientHasTheValuesShapeAndStartsAtZero() {
        Matrix value = Matrix.filled(2, 4, 1);
        Parameter p = new Parameter("weights", value);
        assertSame(value, p.value());
        assertEquals(Matrix.zeros(2, 4), p.gradient());
        p.gradient().fillInPlace(3);
        p.zeroGradient();
        assertEquals(Matrix.zeros(2, 4), p.gradient());
        assertEquals("weights 2×4", p.toString());
    }

    @Test
    void blankNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Parameter(" ", Matrix.zeros(1, 1)));
    }
}
