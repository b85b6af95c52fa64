package org.nn4j.core.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting that prints exactly what Python prints, so nn4j's output can be compared with numpy programs
 * character for character.
 *
 * <p>{@code String.format("%.4f", x)} rounds the shortest decimal representation of {@code x} half-up, while
 * Python's {@code f"{x:.4f}"} rounds the exact binary value half-to-even; they differ on values such as 0.15.
 * {@link #fixed} does what Python does.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * Formats like Python's {@code f"{value:.<digits>f}"}: exact binary value, rounded half to even, the sign kept
     * on negative values that round to zero, and {@code nan}, {@code inf}, {@code -inf} for the special values.
     *
     * @param value the number
     * @param digits digits after the decimal point, 0 or more
     * @return the text
     */
    public static String fixed(double value, int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("Decimals.fixed: digits must be 0 or more, got " + digits);
        }
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return negative && !text.startsWith("-") ? "-" + text : text;
    }
}
