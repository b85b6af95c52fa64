package org.nn4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The regex-free number parser gives bit for bit {@link Double#parseDouble}'s value, and refuses what it should. */
class CsvNumbersTest {

    private static double parse(String s) {
        return CsvNumbers.parse(s.toCharArray(), 0, s.length());
    }

    private static void same(String s) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(parse(s)), s);
    }

    @Test
    void agreesBitForBitWithParseDouble() {
        for (String s : List.of("0", "-0", "+0.0", "-0.0", "255", "007", "1.", ".5", "-.5e-3", "1e5", "1E+22",
                "1e23", "9007199254740992", "9007199254740993", "123456789012345678901234567890", "0.1", "0.3",
                "2.2250738585072014E-308", "4.9e-324", "1e-400", "1.7976931348623157e308", "3.14159265358979323846",
                "0.000000000000000000000000001", "1e-22", "123.456e-20")) {
            same(s);
        }
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Integer.toString(random.nextInt(-100_000, 100_000));
                case 1 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 12) + "f", random.nextDouble(-1e4, 1e4));
                case 2 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 17) + "e", random.nextDouble(-1, 1)
                        * Math.pow(10, random.nextInt(-30, 30)));
                default -> Double.toString(Double.longBitsToDouble(random.nextLong()));
            };
            if (!s.contains("NaN") && !s.contains("Infinity")) {
                same(s);
            }
        }
    }

    @Test
    void refusesWhatTheGrammarDoesNot() {
        for (String s : List.of("", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "NaN", "Infinity", "0x1p3", "1d",
                "1f", "1,5", "--1", "1 2", "١٢")) {
            assertTrue(Double.isNaN(parse(s)), s);
        }
        assertEquals(Double.POSITIVE_INFINITY, parse("1e999"));
    }
}
