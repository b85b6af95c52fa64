package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reference engine on products and exponentials worked out by hand, and the checks every engine makes. */
class ReferenceEngineTest {

    private final Engine reference = Engine.reference();

    // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154]
    private final double[] a = {1, 2, 3, 4, 5, 6};              // 2×3
    private final double[] b = {7, 8, 9, 10, 11, 12};           // 3×2
    private final double[] aT = {1, 4, 2, 5, 3, 6};             // aᵀ stored: 3×2
    private final double[] bT = {7, 9, 11, 8, 10, 12};          // bᵀ stored: 2×3
    private final double[] product = {58, 64, 139, 154};

    @Test
    void theThreeOverwritingFormsComputeTheTextbookProduct() {
        double[] c = nans(4);
        reference.multiply(a, b, c, 2, 3, 2);
        assertArrayEquals(product, c);
        c = nans(4);
        reference.transposeMultiply(aT, b, c, 3, 2, 2);
        assertArrayEquals(product, c);
        c = nans(4);
        reference.multiplyTranspose(a, bT, c, 2, 3, 2);
        assertArrayEquals(product, c);
    }

    @Test
    void addTransposeMultiplyAddsTheProductToWhatIsThere() {
        double[] c = {1, 2, 3, 4};
        reference.addTransposeMultiply(aT, b, c, 3, 2, 2);
        assertArrayEquals(new double[] {59, 66, 142, 158}, c);
    }

    @Test
    void eachElementIsSummedFromZeroInIncreasingP() {
        double[] x = {0.1, 0.2, 0.3};
        double[] y = {0.7, 0.9, 1.1};
        double[] c = new double[1];
        reference.multiply(x, y, c, 1, 3, 1);
        assertEquals(((0.0 + 0.1 * 0.7) + 0.2 * 0.9) + 0.3 * 1.1, c[0], 0.0);
    }

    @Test
    void anEmptyInnerSizeGivesZeros() {
        double[] c = nans(6);
        reference.multiply(new double[0], new double[0], c, 2, 0, 3);
        assertArrayEquals(new double[6], c);
    }

    @Test
    void expIsMathExpAndLeavesTheRestAlone() {
        double[] x = {0, 1, -1, 709.7, -800, 5};
        double[] out = nans(6);
        reference.exp(x, out, 5);
        assertArrayEquals(new double[] {1, Math.E, Math.exp(-1), Math.exp(709.7), 0.0}, Arrays.copyOf(out, 5));
        assertEquals(Double.NaN, out[5]);
        reference.exp(x, x, 6);
        assertEquals(Math.exp(5), x[5]);
    }

    @Test
    void wrongSizesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reference.multiply(a, b, new double[4], 2, 3, 3));
        assertEquals("Engine.multiply: b has 6 elements, a 3×3 matrix needs 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> reference.transposeMultiply(aT, b, new double[3], 3, 2, 2));
        assertEquals("Engine.transposeMultiply: c has 3 elements, a 2×2 matrix needs 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> reference.multiplyTranspose(a, bT, new double[4], -2, 3, 2));
        assertEquals("Engine.multiplyTranspose: a cannot be -2×3, sizes must not be negative", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> reference.exp(a, new double[2], 3));
        assertEquals("Engine.exp: length 3 does not fit x (6 elements) and out (2 elements)", e.getMessage());
    }

    @Test
    void theFastEnginesCheckTheSameWay() {
        Engine scalar = KernelChoice.engine("scalar", "1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scalar.addTransposeMultiply(aT, b, new double[4], 3, 2, 3));
        assertEquals("Engine.addTransposeMultiply: b has 6 elements, a 3×3 matrix needs 9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scalar.exp(a, a, -1));
    }

    private static double[] nans(int length) {
        double[] x = new double[length];
        Arrays.fill(x, Double.NaN);
        return x;
    }
}
