package org.nn4j.core.text;

import com.google.common.math.DoubleMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting that prints exactly what Python prints, so nn4j's output can be compared with numpy programs
 * character for character.
 *
 * <p>{@code String.format("%.4f", x)} rounds the shortest decimal representation of {@code x} half-up, while
 * Python's {@code f"{x:.4f}"} rounds the exact binary value half-to-even; they differ on values such as 0.15.
 * {@link #fixed} does what Python does.
 *
 * <p>Most numbers a training run prints (losses to four places) are decided by one multiplication: for
 * {@code |x|·10^digits} below {@code 2^31} the product's rounding error is under {@code 2.5e-7}, so when the product
 * is more than {@code 1e-6} from a tie, rounding it to the nearest integer rounds the exact value the same way. Only
 * near a tie, for many digits or for large numbers does the exact decimal expansion ({@link BigDecimal}) decide;
 * {@code DecimalsTest} checks both ways agree. (The fast way also keeps BigDecimal's classes out of a short program's
 * start.)
 */
public final class Decimals {

    /** Powers of ten that are exact doubles, for the fast way. */
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    /** Below this, {@code |x|·10^digits} is within {@code 2.5e-7} of the exact product. */
    private static final double FAST_LIMIT = 0x1p31;
    /** How far from a tie the product must be for the fast way to decide. */
    private static final double TIE_MARGIN = 1e-6;

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
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        if (digits < POWERS.length) {
            double scaled = Math.abs(value) * POWERS[digits];
            if (scaled < FAST_LIMIT) {
                double nearest = Math.rint(scaled);
                if (!DoubleMath.fuzzyEquals(Math.abs(scaled - nearest), 0.5, TIE_MARGIN)) {
                    return digitsOf((long) nearest, digits, negative);
                }
            }
        }
        return exact(value, digits, negative);
    }

    /** The rounding by the exact decimal expansion of {@code value}. */
    static String exact(double value, int digits, boolean negative) {
        String text = new BigDecimal(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return negative && !text.startsWith("-") ? "-" + text : text;
    }

    /** {@code units / 10^digits} written out with {@code digits} places: 2392, 4 gives {@code 0.2392}. */
    private static String digitsOf(long units, int digits, boolean negative) {
        StringBuilder text = new StringBuilder(Long.toString(units));
        while (text.length() <= digits) {
            text.insert(0, '0');
        }
        if (digits > 0) {
            text.insert(text.length() - digits, '.');
        }
        return negative ? text.insert(0, '-').toString() : text.toString();
    }
}
