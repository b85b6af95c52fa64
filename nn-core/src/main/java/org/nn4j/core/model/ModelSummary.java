package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nn4j.api.Layer;
import org.nn4j.api.Parameter;

/** Writes {@link Sequential#summary()}: one row per layer, then the totals, the loss and the optimizer. */
final class ModelSummary {

    private static final String[] HEADER = {"Layer (type)", "Output shape", "Params"};

    private ModelSummary() {
    }

    static String of(Sequential model) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Input", "n×" + model.inputSize(), "0"});
        int size = model.inputSize();
        long total = 0;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            size = layer.outputSize(size);
            long count = 0;
            for (Parameter p : layer.parameters()) {
                count += p.value().size();
            }
            total += count;
            rows.add(new String[] {i + "  " + layer.describe(), "n×" + size, grouped(count)});
        }
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int lineWidth = widths[0] + widths[1] + widths[2] + 6;
        StringBuilder out = new StringBuilder();
        out.append("Model: Sequential, ").append(layers.size()).append(" layers\n");
        line(out, HEADER, widths);
        out.append("=".repeat(lineWidth)).append('\n');
        for (String[] row : rows) {
            line(out, row, widths);
        }
        out.append("=".repeat(lineWidth)).append('\n');
        out.append("Total params: ").append(grouped(total)).append('\n');
        out.append("Trainable params: ").append(grouped(total)).append('\n');
        out.append("Loss: ").append(model.loss().describe()).append('\n');
        out.append("Optimizer: ").append(model.optimizer().describe()).append('\n');
        return out.toString();
    }

    /** Name left-aligned, shape left-aligned, count right-aligned. */
    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append(pad(cells[0], widths[0])).append("   ")
                .append(pad(cells[1], widths[1])).append("   ")
                .append(" ".repeat(widths[2] - cells[2].length())).append(cells[2]).append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
