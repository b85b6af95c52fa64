package org.nn4j.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.random.NumpyRandom;

/**
 * Writes the current version of the document ({@link ModelFormat#VERSION}): keys in a fixed order (configuration
 * and optimizer-state keys sorted, a layer's parameters and state in the layer's order), two spaces of
 * indentation, one matrix row per line, doubles as {@link Double#toString} writes them (which reads back to the
 * same bits). The same model therefore always gives the same bytes, and a diff shows which weights changed.
 *
 * <p>Every part is found in the {@link TypeRegistry} and saved through its entry, built-in or plug-in alike: its
 * name, its {@link Config}, its parameters and state, and for an optimizer that wraps another the wrapped one as
 * a nested {@code "optimizer"} object.
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
            require(registry.layers(), layers.get(i), "layer " + i, layers.get(i).describe(),
                    ".layer(...), or .activation(...) for an activation");
        }
        require(registry.losses(), model.loss(), "loss", model.loss().describe(), ".loss(...)");
        requireOptimizers(registry, model.optimizer());
        model.parameters().forEach((path, p) -> requireFinite(path, p.value()));
        model.state().forEach(ModelWriter::requireFinite);
        model.optimizer().state().forEach((key, m) -> requireFinite("optimizer.state." + key, m));
    }

    /** The optimizer, and each one it wraps, at most {@link ModelReader#MAX_WRAPPED} deep, must be registered. */
    private static void requireOptimizers(TypeRegistry registry, Optimizer outermost) {
        Optimizer optimizer = outermost;
        String what = "optimizer";
        for (int wrapped = 0; ; wrapped++) {
            if (wrapped > ModelReader.MAX_WRAPPED) {
                throw new IllegalArgumentException("cannot save the optimizer (" + outermost.describe()
                        + "): it wraps more than " + ModelReader.MAX_WRAPPED + " optimizers one in another");
            }
            TypeRegistry.Entry<Optimizer> entry = require(registry.optimizers(), optimizer, what,
                    optimizer.describe(), ".optimizer(...)");
            if (!entry.wraps()) {
                return;
            }
            what = "optimizer wrapped by \"" + entry.name() + "\"";
            optimizer = entry.wrapped().apply(optimizer);
            if (optimizer == null) {
                throw new IllegalArgumentException("cannot save the optimizer (" + outermost.describe()
                        + "): a \"" + entry.name() + "\" in it wraps no optimizer (null)");
            }
        }
    }

    private static <T> TypeRegistry.Entry<T> require(Map<String, TypeRegistry.Entry<T>> entries, Object instance,
            String what, String described, String how) {
        TypeRegistry.Entry<T> entry = TypeRegistry.find(entries, instance);
        if (entry == null) {
            throw new IllegalArgumentException("cannot save the " + what + " (" + described + "): it is not"
                    + " registered, no registered type matches its class " + instance.getClass().getName()
                    + "; register it with TypeRegistry.builder()" + how);
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
        Shape input = model.inputShape();
        if (input.rank() == 1) {
            field(1, "inputSize", Integer.toString(input.size()), true);
        } else {
            String dims = Arrays.stream(input.dims()).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            field(1, "inputShape", "[" + dims + "]", true);
        }
        names("featureNames", model.names().features());
        names("classLabels", model.names().classes());
        out.write("  \"layers\": [");
        for (int i = 0; i < model.layers().size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            indent(2);
            Layer layer = model.layers().get(i);
            Map<String, Matrix> parameters = new LinkedHashMap<>();
            for (Parameter p : layer.parameters()) {
                parameters.put(p.name(), p.value());
            }
            writeTyped(2, registry.layers(), layer, parameters, layer.state());
        }
        out.write("\n  ],\n");
        out.write("  \"loss\": ");
        writeTyped(1, registry.losses(), model.loss(), Map.of(), Map.of());
        out.write(",\n");
        out.write("  \"optimizer\": ");
        writeTyped(1, registry.optimizers(), model.optimizer(), Map.of(), new TreeMap<>(model.optimizer().state()));
        if (training != null) {
            out.write(",\n");
            writeTraining(training);
        }
        out.write("\n}\n");
    }

    /**
     * {"type": ..., "config": {...}, "optimizer": {...}, "parameters": {...}, "state": {...}}, empty parts left
     * out; the nested "optimizer" is what a wrapping type wraps, written the same way without state.
     */
    private <T> void writeTyped(int depth, Map<String, TypeRegistry.Entry<T>> entries, Object instance,
            Map<String, Matrix> parameters, Map<String, Matrix> state) throws IOException {
        TypeRegistry.Entry<T> entry = TypeRegistry.find(entries, instance);
        out.write("{\n");
        indent(depth + 1);
        out.write("\"type\": " + quote(entry.name()));
        Config config = entry.configOf().apply(instance);
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
        if (entry.wraps()) {
            out.write(",\n");
            indent(depth + 1);
            out.write("\"optimizer\": ");
            writeTyped(depth + 1, entries, entry.wrapped().apply(instance), Map.of(), Map.of());
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

    /** An optional list of names on one line, left out when empty so that unnamed models keep their bytes. */
    private void names(String key, List<String> names) throws IOException {
        if (!names.isEmpty()) {
            field(1, key, "[" + names.stream().map(ModelWriter::quote).collect(Collectors.joining(", ")) + "]", true);
        }
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
