package org.nn4j.core.data;

/**
 * Parses one CSV number straight from the characters of a line, with no regular expression and no string:
 * <pre>
 *   number   = [+-]? ( digits [ "." digits? ] | "." digits ) ( [eE] [+-]? digits )?
 *   value    = m · 10^e, computed as one multiplication or division when m ≤ 2^53 and |e| ≤ 22
 * </pre>
 * In that case both factors are exact doubles, so the one rounding of the product is the correct rounding of the
 * decimal (Clinger, "How to Read Floating Point Numbers Accurately", 1990): the result is bit for bit
 * {@link Double#parseDouble}'s. Every other number (more than 15 or so digits, a large exponent) is handed to
 * {@code Double.parseDouble}. Integers such as pixel values, and decimals such as {@code -1.25}, take the fast path.
 */
final class CsvNumbers {

    /** Returned for text that is not a number in the grammar above (a parsed number is never NaN). */
    static final double NOT_A_NUMBER = Double.NaN;

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long EXACT_MANTISSA = 1L << 53;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private CsvNumbers() {
    }

    /**
     * @param text the line
     * @param from the first character of the field, already trimmed
     * @param to one past its last character, already trimmed
     * @return the value, possibly infinite if it is too large for a double, or {@link #NOT_A_NUMBER}
     */
    static double parse(char[] text, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (text[i] == '+' || text[i] == '-')) {
            negative = text[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean exact = true;
        for (; i < to && isDigit(text[i]); i++, digits++) {
            if (significant < 18) {
                mantissa = mantissa * 10 + (text[i] - '0');
                significant += mantissa == 0 ? 0 : 1;
            } else {
                exact = false;
            }
        }
        if (i < to && text[i] == '.') {
            i++;
            for (; i < to && isDigit(text[i]); i++, digits++) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (text[i] - '0');
                    significant += mantissa == 0 ? 0 : 1;
                    scale--;
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        int exponent = 0;
        if (i < to && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (text[i] == '+' || text[i] == '-')) {
                negativeExponent = text[i] == '-';
                i++;
            }
            int exponentDigits = 0;
            for (; i < to && isDigit(text[i]); i++, exponentDigits++) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (text[i] - '0');
                }
            }
            if (exponentDigits == 0) {
                return NOT_A_NUMBER;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return NOT_A_NUMBER;
        }
        int power = scale + exponent;
        if (exact && mantissa <= EXACT_MANTISSA && Math.abs(power) < POWERS_OF_TEN.length) {
            double value = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(text, from, to - from));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
