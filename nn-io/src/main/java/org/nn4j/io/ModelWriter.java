package org.nn4j.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.random.NumpyRandom;

/**
 * Writes the version-1 document: keys in a fixed order (configuration and optimizer-state keys sorted), two spaces
 * of indentation, one matrix row per line, doubles as {@link Double#toString} writes them (which reads back to the
 * same bits). The same model therefore always gives the same bytes, and a diff shows which weights changed.
 *
 * <p>The text is written by hand rather than by a JSON library so that the layout (rows on their own lines) is
 * exactly as documented in {@code docs/model-format.md}; there is nothing to escape but strings, done below.
 */
final class ModelWriter {

    private final TypeRegistry registry;
    private final Writer out;

    ModelWriter(TypeRegistry registry, Writer out) {
        this.registry = registry;
        this.out = out;
    }

    /** Checks that every part is registered and every number finite before anything is written. */
    static void check(TypeRegistry registry, Sequential model) {
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            entryFor(registry, layers.get(i), i);
        }
        require(TypeRegistry.findByClass(registry.losses(), model.loss()), "loss", model.loss().describe(),
                model.loss().getClass(), ".loss(...)");
        Optimizer optimizer = savedOptimizer(model.optimizer());
        require(TypeRegistry.findByClass(registry.optimizers(), optimizer), "optimizer", optimizer.describe(),
                optimizer.getClass(), ".optimizer(...)");
        model.parameters().forEach((path, p) -> requireFinite(path, p.value()));
        model.optimizer().state().forEach((key, m) -> requireFinite("optimizer.state." + key, m));
    }

    /**
     * The optimizer that is saved by its type: the model's, or the one a {@link ClipByGlobalNorm} wraps (the clip
     * itself is the optimizer object's {@code "clipNorm"}).
     */
    private static Optimizer savedOptimizer(Optimizer optimizer) {
        if (!(optimizer instanceof ClipByGlobalNorm clip)) {
            return optimizer;
        }
        if (clip.optimizer() instanceof ClipByGlobalNorm) {
            throw new IllegalArgumentException("cannot save the optimizer (" + optimizer.describe() + "): the "
                    + "format holds one clipNorm per optimizer, and this one clips twice; clip once, with the "
                    + "smaller maxNorm, which is what clipping twice amounts to");
        }
        return clip.optimizer();
    }

    private static TypeRegistry.Entry<?> entryFor(TypeRegistry registry, Layer layer, int index) {
        if (layer instanceof ActivationLayer a) {
            return require(TypeRegistry.findByClass(registry.activations(), a.activation()), "activation of layer "
                    + index, a.describe(), a.activation().getClass(), ".activation(...)");
        }
        return require(TypeRegistry.findByClass(registry.layers(), layer), "layer " + index, layer.describe(),
                layer.getClass(), ".layer(...)");
    }

    private static <T> TypeRegistry.Entry<T> require(TypeRegistry.Entry<T> entry, String what, String described,
            Class<?> type, String how) {
        if (entry == null) {
            throw new IllegalArgumentException("cannot save the " + what + " (" + described + "): its class "
                    + type.getName() + " is not registered; register it with TypeRegistry.builder()" + how);
        }
        return entry;
    }

    private static void requireFinite(String path, Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            if (!Double.isFinite(m.getFlat(i))) {
                throw new IllegalArgumentException("cannot save " + path + ": element [" + i / m.cols() + "]["
                        + i % m.cols() + "] is " + m.getFlat(i) + "; the model format holds finite numbers only");
            }
        }
    }

    void write(Sequential model, TrainingState training) throws IOException {
        check(registry, model);
        out.write("{\n");
        field(1, "format", quote(ModelFormat.FORMAT_NAME), true);
        field(1, "version", Integer.toString(ModelFormat.VERSION), true);
        field(1, "inputSize", Integer.toString(model.inputSize()), true);
        out.write("  \"layers\": [");
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            writeLayer(layers.get(i), i);
        }
        out.write("\n  ],\n");
        TypeRegistry.Entry<?> loss = TypeRegistry.findByClass(registry.losses(), model.loss());
        out.write("  \"loss\": ");
        writeTyped(1, loss.name(), loss.configOf().apply(model.loss()), null, Map.of(), Map.of());
        out.write(",\n");
        Optimizer inner = savedOptimizer(model.optimizer());
        TypeRegistry.Entry<?> optimizer = TypeRegistry.findByClass(registry.optimizers(), inner);
        out.write("  \"optimizer\": ");
        Double clipNorm = model.optimizer() instanceof ClipByGlobalNorm clip ? clip.maxNorm() : null;
        writeTyped(1, optimizer.name(), optimizer.configOf().apply(inner), clipNorm, Map.of(),
                new TreeMap<>(inner.state()));
        if (training != null) {
            out.write(",\n");
            writeTraining(training);
        }
        out.write("\n}\n");
    }

    private void writeLayer(Layer layer, int index) throws IOException {
        indent(2);
        TypeRegistry.Entry<?> entry = entryFor(registry, layer, index);
        Object configured = layer instanceof ActivationLayer a ? a.activation() : layer;
        Map<String, Matrix> parameters = new java.util.LinkedHashMap<>();
        for (Parameter p : layer.parameters()) {
            parameters.put(p.name(), p.value());
        }
        writeTyped(2, entry.name(), entry.configOf().apply(configured), null, parameters, Map.of());
    }

    /** {"type": ..., "config": {...}, "parameters": {...}, "state": {...}}, empty parts left out. */
    private void writeTyped(int depth, String type, Config config, Double clipNorm, Map<String, Matrix> parameters,
            Map<String, Matrix> state) throws IOException {
        out.write("{\n");
        indent(depth + 1);
        out.write("\"type\": " + quote(type));
        if (!config.keys().isEmpty()) {
            out.write(",\n");
            indent(depth + 1);
            out.write("\"config\": {");
            boolean first = true;
            for (Map.Entry<String, Object> e : config.asMap().entrySet()) {
                out.write(first ? "\n" : ",\n");
                first = false;
                field(depth + 2, e.getKey(), scalar(e.getValue()), false);
            }
            out.write("\n");
            indent(depth + 1);
            out.write("}");
        }
        if (clipNorm != null) {
            out.write(",\n");
            field(depth + 1, "clipNorm", scalar(clipNorm), false);
        }
        writeMatrices(depth + 1, "parameters", parameters);
        writeMatrices(depth + 1, "state", state);
        out.write("\n");
        indent(depth);
        out.write("}");
    }

    private void writeMatrices(int depth, String key, Map<String, Matrix> matrices) throws IOException {
        if (matrices.isEmpty()) {
            return;
        }
        out.write(",\n");
        indent(depth);
        out.write(quote(key) + ": {");
        boolean first = true;
        for (Map.Entry<String, Matrix> e : matrices.entrySet()) {
            out.write(first ? "\n" : ",\n");
            first = false;
            indent(depth + 1);
            out.write(quote(e.getKey()) + ": ");
            writeMatrix(depth + 1, e.getValue());
        }
        out.write("\n");
        indent(depth);
        out.write("}");
    }

    private void writeMatrix(int depth, Matrix m) throws IOException {
        out.write("[\n");
        for (int r = 0; r < m.rows(); r++) {
            indent(depth + 1);
            out.write("[");
            for (int c = 0; c < m.cols(); c++) {
                if (c > 0) {
                    out.write(", ");
                }
                out.write(Double.toString(m.get(r, c)));
            }
            out.write(r == m.rows() - 1 ? "]\n" : "],\n");
        }
        indent(depth);
        out.write("]");
    }

    private void writeTraining(TrainingState training) throws IOException {
        out.write("  \"training\": {\n");
        field(2, "epochsCompleted", Long.toString(training.epochsCompleted()), true);
        NumpyRandom.State random = training.random();
        out.write("    \"random\": {\n");
        field(3, "algorithm", quote(ModelFormat.RANDOM_ALGORITHM), true);
        indent(3);
        out.write("\"key\": [");
        int[] key = random.key();
        for (int i = 0; i < key.length; i++) {
            // Eight words a line; written unsigned, as numpy's get_state() shows them.
            out.write(i == 0 ? "\n        " : i % 8 == 0 ? ",\n        " : ", ");
            out.write(Integer.toUnsignedString(key[i]));
        }
        out.write("\n      ],\n");
        field(3, "position", Integer.toString(random.position()), true);
        field(3, "hasGauss", Boolean.toString(random.hasGauss()), true);
        field(3, "gauss", Double.toString(random.gauss()), false);
        out.write("\n    }\n  }");
    }

    private void field(int depth, String key, String value, boolean comma) throws IOException {
        indent(depth);
        out.write(quote(key) + ": " + value + (comma ? ",\n" : ""));
    }

    private void indent(int depth) throws IOException {
        out.write("  ".repeat(depth));
    }

    private static String scalar(Object value) {
        return value instanceof String s ? quote(s) : value.toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
