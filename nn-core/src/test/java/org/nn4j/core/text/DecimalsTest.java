package org.nn4j.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void roundsTheExactBinaryValueAsPythonDoes() {
        // Python: f"{0.15:.1f}" == "0.1" (0.15 is 0.1499999...), while String.format gives "0.2".
        assertEquals("0.1", Decimals.fixed(0.15, 1));
        assertEquals("0.2522", Decimals.fixed(0.25221899764405625, 4));
        assertEquals("0.12", Decimals.fixed(0.125, 2), "an exact tie rounds to even");
        assertEquals("0.38", Decimals.fixed(0.375, 2));
        assertEquals("2", Decimals.fixed(2.5, 0));
        assertEquals("-0.0000", Decimals.fixed(-0.00001, 4));
        assertEquals("-0.0", Decimals.fixed(-0.0, 1));
        assertEquals("nan", Decimals.fixed(Double.NaN, 4));
        assertEquals("-inf", Decimals.fixed(Double.NEGATIVE_INFINITY, 4));
        assertEquals("100000000000000000000.0000", Decimals.fixed(1e20, 4));
    }
}
