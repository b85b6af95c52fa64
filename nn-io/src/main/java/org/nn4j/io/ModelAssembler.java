package org.nn4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.api.StateSlot;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.random.NumpyRandom;

/**
 * Gives a {@link RawModel} its meaning: looks every type name up in the registry (and nowhere else), creates each
 * part from its configuration (a wrapping optimizer after the optimizer it wraps), fills every layer's parameters
 * and state by name after checking their shapes, restores the optimizer's state and chains the layers' shapes.
 * Every failure names the place in the file. Built-in and plug-in types take exactly the same path.
 */
final class ModelAssembler {

    private final TypeRegistry registry;
    private final ModelLimits limits;
    private long reserved;

    ModelAssembler(TypeRegistry registry, ModelLimits limits, long elementsRead) {
        this.registry = registry;
        this.limits = limits;
        this.reserved = elementsRead;
    }

    Checkpoint assemble(RawModel raw) throws ModelFormatException {
        Shape shape = raw.inputShape().value();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < raw.layers().size(); i++) {
            RawModel.Typed t = raw.layers().get(i);
            Layer layer = create(t, "layer", registry.layers(), shape.size());
            fill(t, layer);
            shape = outputShape(t, i, layer, shape);
            layers.add(layer);
        }
        Loss loss = create(raw.loss(), "loss", registry.losses(), 0);
        Optimizer optimizer = create(raw.optimizer(), "optimizer", registry.optimizers(), 0);
        restoreState(raw.optimizer(), optimizer, layers);
        Optional<TrainingState> training = Optional.ofNullable(raw.training()).map(RawModel.Placed::value);
        NumpyRandom random = training.map(s -> NumpyRandom.fromState(s.random())).orElseGet(() -> new NumpyRandom(0));
        Sequential model;
        try {
            model = Sequential.of(raw.inputShape().value(), layers, loss, optimizer, random);
        } catch (IllegalArgumentException e) {
            throw raw.inputShape().where().fail(e.getMessage());
        }
        return new Checkpoint(named(model, raw.featureNames(), raw.classLabels()), training);
    }

    /** The model with its names, each list checked where it was read (one name per column, none repeated). */
    private static Sequential named(Sequential model, RawModel.Placed<List<String>> features,
            RawModel.Placed<List<String>> classes) throws ModelFormatException {
        List<String> featureNames = features == null ? List.of() : features.value();
        List<String> classLabels = classes == null ? List.of() : classes.value();
        try {
            model = model.withNames(ModelNames.of(featureNames, List.of()));
        } catch (IllegalArgumentException e) {
            throw features.where().fail(e.getMessage());
        }
        try {
            return model.withNames(ModelNames.of(featureNames, classLabels));
        } catch (IllegalArgumentException e) {
            throw classes.where().fail(e.getMessage());
        }
    }

    private static Shape outputShape(RawModel.Typed t, int index, Layer layer, Shape input)
            throws ModelFormatException {
        String of = input.rank() == 1 ? input.size() + " columns" : "shape " + input;
        try {
            Shape output = layer.outputShape(input);
            if (output == null) {
                throw t.where().fail("layer " + index + " (" + layer.describe() + ") gave no output shape for its"
                        + " input of " + of);
            }
            return output;
        } catch (IllegalArgumentException e) {
            throw t.where().fail("layer " + index + " does not fit its input of " + of + ": " + e.getMessage());
        }
    }

    private void reserve(long elements) {
        reserved += elements;
        if (reserved > limits.maxElements()) {
            throw new IllegalArgumentException("allocating " + elements + " more numbers exceeds the limit"
                    + " ModelLimits.maxElements = " + limits.maxElements() + " numbers in one model");
        }
    }

    /**
     * Creates a layer, loss or optimizer from its registered entry: first the object it wraps, if its type wraps
     * one, then itself.
     */
    private <T> T create(RawModel.Typed t, String kind, Map<String, TypeRegistry.Entry<T>> entries, int inputSize)
            throws ModelFormatException {
        String name = t.type().value();
        TypeRegistry.Entry<T> entry = entries.get(name);
        if (entry == null) {
            throw t.type().where().fail("unknown " + kind + " type \"" + name + "\"; registered: "
                    + String.join(", ", entries.keySet()));
        }
        T wrapped = null;
        if (entry.wraps()) {
            if (t.wrapped() == null) {
                throw t.where().fail("missing key \"" + kind + "\": \"" + name + "\" wraps another " + kind);
            }
            wrapped = create(t.wrapped(), kind, entries, inputSize);
        } else if (t.wrapped() != null) {
            throw t.wrapped().where().fail("\"" + name + "\" wraps no " + kind + ", found \"" + kind + "\"");
        }
        Config config = t.config().value().withAllocationGuard(this::reserve);
        T inner = wrapped;
        T created = build(t, () -> entry.creator().create(inputSize, config, inner));
        checkConfigKeys(t, entry, created);
        return created;
    }

    private interface Creation<T> {
        T create();
    }

    /** Runs a registered factory; whatever it rejects becomes a format error at the configuration. */
    private static <T> T build(RawModel.Typed t, Creation<T> creation) throws ModelFormatException {
        try {
            return creation.create();
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw t.config().where().fail("cannot create \"" + t.type().value() + "\": " + e.getMessage());
        }
    }

    /** A key the type would not save itself is a key it does not know: reject it rather than ignore it. */
    private static void checkConfigKeys(RawModel.Typed t, TypeRegistry.Entry<?> entry, Object created)
            throws ModelFormatException {
        Set<String> known = entry.configOf().apply(created).keys();
        for (String key : t.config().value().keys()) {
            if (!known.contains(key)) {
                throw new Where(Where.child(t.config().where().path(), key), t.config().where().line(),
                        t.config().where().column()).fail("unknown configuration key \"" + key + "\" for \""
                        + t.type().value() + "\"; expected: " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    /** Fills a new layer's parameters and state, in place, from the file. */
    private static void fill(RawModel.Typed t, Layer layer) throws ModelFormatException {
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (Parameter p : layer.parameters()) {
            parameters.put(p.name(), p.value());
        }
        fillMatrices(t, layer, "parameters", "parameter", parameters, t.parameters());
        fillMatrices(t, layer, "state", "state", layer.state(), t.state());
    }

    /**
     * Copies each named matrix of the file into the layer's live matrix of that name, after checking that the
     * file holds every name the layer has, no other, and each with the layer's shape.
     */
    private static void fillMatrices(RawModel.Typed t, Layer layer, String key, String what,
            Map<String, Matrix> expected, Map<String, RawModel.Placed<Matrix>> found) throws ModelFormatException {
        String names = expected.isEmpty() ? "none" : String.join(", ", expected.keySet());
        for (Map.Entry<String, RawModel.Placed<Matrix>> e : found.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                throw e.getValue().where().fail("unknown " + what + " \"" + e.getKey() + "\" for \""
                        + t.type().value() + "\"; expected: " + names);
            }
        }
        for (Map.Entry<String, Matrix> e : expected.entrySet()) {
            RawModel.Placed<Matrix> placed = found.get(e.getKey());
            if (placed == null) {
                throw new Where(Where.child(t.where().path(), key), t.where().line(), t.where().column())
                        .fail("missing " + what + " \"" + e.getKey() + "\" for \"" + t.type().value()
                                + "\"; expected: " + names);
            }
            Matrix target = e.getValue();
            Matrix m = placed.value();
            if (!m.hasShape(target.rows(), target.cols())) {
                throw placed.where().fail(layer.describe() + " " + what + " \"" + e.getKey() + "\": expected "
                        + target.shape() + ", found " + m.shape());
            }
            for (int i = 0; i < m.size(); i++) {
                target.setFlat(i, m.getFlat(i));
            }
        }
    }

    /**
     * Checks the optimizer's state against what the optimizer declares ({@link Optimizer#stateSlots()}) and the
     * model's parameters, then restores it: every key is {@code <slot>/<parameter path>} with a declared slot and
     * an existing parameter, every matrix has the slot's shape and valid numbers, and a state that is not empty
     * has every slot of every parameter (an empty one means no step yet). An optimizer that declares nothing is
     * checked by its {@code restoreState} alone.
     */
    private static void restoreState(RawModel.Typed t, Optimizer optimizer, List<Layer> layers)
            throws ModelFormatException {
        List<StateSlot> slots = optimizer.stateSlots();
        if (!slots.isEmpty()) {
            checkState(t, optimizer, slots, layers);
        }
        Map<String, Matrix> state = new LinkedHashMap<>();
        t.state().forEach((key, placed) -> state.put(key, placed.value()));
        try {
            optimizer.restoreState(state);
        } catch (IllegalArgumentException e) {
            Where where = t.state().isEmpty() ? t.where() : t.state().values().iterator().next().where();
            throw new Where(Where.child(t.where().path(), "state"), where.line(), where.column())
                    .fail("cannot restore the state of \"" + t.type().value() + "\": " + e.getMessage());
        }
    }

    private static void checkState(RawModel.Typed t, Optimizer optimizer, List<StateSlot> slots,
            List<Layer> layers) throws ModelFormatException {
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                parameters.put(Sequential.parameterPath(i, p.name()), p.value());
            }
        }
        Map<String, StateSlot> byName = new LinkedHashMap<>();
        slots.forEach(slot -> byName.put(slot.name(), slot));
        String name = optimizer.describe();
        for (Map.Entry<String, RawModel.Placed<Matrix>> e : t.state().entrySet()) {
            String key = e.getKey();
            Where where = e.getValue().where();
            int slash = key.indexOf('/');
            StateSlot slot = slash > 0 ? byName.get(key.substring(0, slash)) : null;
            if (slot == null) {
                throw where.fail(name + " keeps no state \"" + key + "\"; expected <slot>/<parameter path> with slot"
                        + " one of: " + String.join(", ", byName.keySet()));
            }
            Matrix parameter = parameters.get(key.substring(slash + 1));
            if (parameter == null) {
                throw where.fail("state key \"" + key + "\" names no parameter of the model; parameters: "
                        + shortList(parameters.keySet()));
            }
            try {
                slot.check(key, parameter, e.getValue().value());
            } catch (IllegalArgumentException invalid) {
                throw where.fail(name + ": " + invalid.getMessage());
            }
        }
        if (t.state().isEmpty()) {
            return;
        }
        for (String path : parameters.keySet()) {
            for (StateSlot slot : slots) {
                String key = slot.name() + "/" + path;
                if (!t.state().containsKey(key)) {
                    throw new Where(Where.child(t.where().path(), "state"), t.where().line(), t.where().column())
                            .fail("missing state \"" + key + "\" of " + name + ": a saved state holds every slot ("
                                    + String.join(", ", byName.keySet()) + ") of every parameter, or is empty");
                }
            }
        }
    }

    private static String shortList(java.util.Collection<String> names) {
        List<String> first = names.stream().limit(6).toList();
        return String.join(", ", first) + (names.size() > first.size() ? ", ... (" + names.size() + " in all)" : "");
    }
}
