package org.nn4j.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
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

    @Test
    void theQuickRoundingAgreesWithTheExactExpansionEverywhere() {
        SplittableRandom random = new SplittableRandom(11);
        int checked = 0;
        for (int digits = 0; digits <= 10; digits++) {
            double unit = Math.pow(10, -digits);
            for (int i = 0; i < 20_000; i++) {
                // Losses and weights (0 to 10), larger numbers up to 1e12, and values next to ties at this precision.
                double x = switch (i % 4) {
                    case 0 -> random.nextDouble(0, 10);
                    case 1 -> Math.pow(10, random.nextDouble(-12, 12));
                    case 2 -> (random.nextInt(1_000_000) + 0.5) * unit;
                    default -> Math.nextUp((random.nextInt(1_000_000) + 0.5) * unit);
                };
                for (double v : new double[] {x, -x, Math.nextDown(x)}) {
                    boolean negative = v < 0;
                    assertEquals(Decimals.exact(v, digits, negative), Decimals.fixed(v, digits), v + " to " + digits);
                    checked++;
                }
            }
        }
        assertEquals(11 * 20_000 * 3, checked);
    }
}
