package org.nn4j.core.gradcheck;

import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link GradientCheck}: for one component, the worst relative error of each of its gradients.
 * Immutable.
 *
 * @param component the checked component's description, such as {@code Dense(3→2)}
 * @param entries one entry per gradient: {@code input} (or {@code predicted} for a loss), then each parameter
 */
public record GradientCheckReport(String component, List<Entry> entries) {

    /**
     * Copies the entries.
     *
     * @param component the checked component's description, such as {@code Dense(3→2)}
     * @param entries one entry per gradient: {@code input} (or {@code predicted} for a loss), then each parameter
     */
    public GradientCheckReport {
        entries = List.copyOf(entries);
    }

    /**
     * The worst element of one gradient.
     *
     * @param gradient what was differentiated: {@code input}, {@code predicted} or a parameter's name
     * @param shape its shape, like {@code 4×3}
     * @param worstRelativeError the largest error over its elements ({@code +∞} for a NaN or a wrong shape)
     * @param worstIndex the row-major index of that element
     * @param analytic the backward pass's value there
     * @param numeric the finite difference there
     * @param problem empty, or what made the check impossible (such as a gradient of the wrong shape)
     */
    public record Entry(String gradient, String shape, double worstRelativeError, int worstIndex, double analytic,
            double numeric, String problem) {

        static Entry wrongShape(String gradient, String expected, String actual) {
            return new Entry(gradient, expected, Double.POSITIVE_INFINITY, -1, Double.NaN, Double.NaN,
                    "backward returned a " + actual + " gradient, expected " + expected);
        }
    }

    /** @return the worst relative error over every gradient ({@code 0} if there are none) */
    public double worstRelativeError() {
        double worst = 0;
        for (Entry e : entries) {
            worst = Math.max(worst, e.worstRelativeError());
        }
        return worst;
    }

    /**
     * @param tolerance the largest acceptable relative error
     * @return whether every gradient's worst error is at most {@code tolerance}
     */
    public boolean passes(double tolerance) {
        for (Entry e : entries) {
            if (!(e.worstRelativeError() <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The report as Markdown table rows, one per gradient: {@code | component | gradient | shape | error |}.
     *
     * @return the rows, each ending with a newline
     */
    public String tableRows() {
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append("| ").append(component).append(" | ").append(e.gradient()).append(" | ").append(e.shape())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2e", e.worstRelativeError())).append(" |\n");
        }
        return out.toString();
    }

    /** @return the header of the table {@link #tableRows()} fills */
    public static String tableHeader() {
        return "| component | gradient | shape | worst relative error |\n|---|---|---|---|\n";
    }

    /** @return a readable report: every gradient, its worst error, where, and both values there */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Gradient check of ").append(component).append(":\n");
        for (Entry e : entries) {
            out.append(String.format(Locale.ROOT, "  %-10s %-6s worst relative error %.3e", e.gradient(), e.shape(),
                    e.worstRelativeError()));
            if (e.problem().isEmpty()) {
                out.append(String.format(Locale.ROOT, " at element %d (analytic %.10g, numeric %.10g)",
                        e.worstIndex(), e.analytic(), e.numeric()));
            } else {
                out.append(": ").append(e.problem());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
