package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * Writes {@link Sequential#summary()}: one row per layer with its output shape and its parameter count (state
 * included), then the totals (non-trainable state on its own line when there is any), the loss and the optimizer.
 * <pre>
 *   Model: Sequential, 4 layers
 *   Layer (type)        Output shape   Params
 *   =========================================
 *   Input               n×2                 0
 *   0  Standardize(2)   n×2                 4
 *   1  Dense(2→8)       n×8                24
 *   2  Tanh             n×8                 0
 *   3  Dense(8→3)       n×3                27
 *   =========================================
 *   Total params: 55
 *   Trainable params: 51
 *   Non-trainable params: 4
 *   Loss: SoftmaxCrossEntropy
 *   Optimizer: Adam(learningRate=0.05, beta1=0.9, beta2=0.999, epsilon=1.0E-8)
 *   Features: x1, x2, x3, x4
 *   Classes: a, b, c
 * </pre>
 * The last two lines appear when the model has {@link ModelNames}.
 */
final class ModelSummary {

    private static final String[] HEADER = {"Layer (type)", "Output shape", "Params"};

    private ModelSummary() {
    }

    static String of(Sequential model) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Input", "n×" + model.inputShape(), "0"});
        long trainable = 0;
        long fixed = 0;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long count = 0;
            for (Parameter p : layer.parameters()) {
                count += p.value().size();
            }
            for (Matrix m : layer.state().values()) {
                fixed += m.size();
                count += m.size();
            }
            trainable += count;
            rows.add(new String[] {i + "  " + layer.describe(), "n×" + model.outputShape(i), grouped(count)});
        }
        trainable -= fixed;
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
        out.append("Total params: ").append(grouped(trainable + fixed)).append('\n');
        out.append("Trainable params: ").append(grouped(trainable)).append('\n');
        if (fixed > 0) {
            out.append("Non-trainable params: ").append(grouped(fixed)).append('\n');
        }
        out.append("Loss: ").append(model.loss().describe()).append('\n');
        out.append("Optimizer: ").append(model.optimizer().describe()).append('\n');
        if (!model.names().features().isEmpty()) {
            out.append("Features: ").append(String.join(", ", model.names().features())).append('\n');
        }
        if (!model.names().classes().isEmpty()) {
            out.append("Classes: ").append(String.join(", ", model.names().classes())).append('\n');
        }
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
