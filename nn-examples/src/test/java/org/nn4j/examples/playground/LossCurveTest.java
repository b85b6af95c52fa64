package org.nn4j.examples.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LossCurveTest {

    @Test
    void keepsEveryEpochUpToItsSize() {
        LossCurve curve = new LossCurve();
        for (int e = 0; e < LossCurve.MAX_POINTS; e++) {
            curve.record(e, 1.0 / (e + 1), 2.0 / (e + 1));
        }
        LossCurve.Copy copy = curve.copy();
        assertEquals(1, copy.stride());
        assertEquals(LossCurve.MAX_POINTS, copy.points().length);
        assertArrayEquals(new double[] {999, 1.0 / 1000, 2.0 / 1000}, copy.points()[999]);
    }

    @Test
    void thinsToMultiplesOfAGrowingStrideWhenFull() {
        LossCurve curve = new LossCurve();
        for (int e = 0; e < 2500; e++) {
            curve.record(e, e, -e);
        }
        // Full at 1001 points (stride 1 → 2), again at 2002 epochs (stride 2 → 4): multiples of 4 below 2500.
        LossCurve.Copy copy = curve.copy();
        assertEquals(4, copy.stride());
        assertEquals(625, copy.points().length);
        for (int i = 0; i < copy.points().length; i++) {
            assertArrayEquals(new double[] {4 * i, 4 * i, -4 * i}, copy.points()[i]);
        }
    }

    @Test
    void aCopyDoesNotChangeWithTheCurve() {
        LossCurve curve = new LossCurve();
        curve.record(0, 0.25, 0.26);
        LossCurve.Copy copy = curve.copy();
        curve.record(1, 0.24, 0.25);
        assertEquals(1, copy.points().length);
    }
}
