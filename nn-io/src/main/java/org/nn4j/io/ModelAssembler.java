package org.nn4j.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.random.NumpyRandom;

/**
 * Gives a {@link RawModel} its meaning: looks every type name up in the registry (and nowhere else), creates each
 * part from its configuration, fills every parameter by name after checking its shape, restores the optimizer's
 * state and chains the layers' sizes. Every failure names the place in the file.
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
        int size = raw.inputSize().value();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < raw.layers().size(); i++) {
            RawModel.Typed t = raw.layers().get(i);
            Layer layer = createLayer(t, size);
            try {
                size = layer.outputSize(size);
            } catch (IllegalArgumentException e) {
                throw t.where().fail("layer " + i + " does not fit its input of " + size + " columns: "
                        + e.getMessage());
            }
            layers.add(layer);
        }
        Loss loss = create(raw.loss(), "loss", registry.losses());
        Optimizer optimizer = create(raw.optimizer(), "optimizer", registry.optimizers());
        restoreState(raw.optimizer(), optimizer);
        if (raw.optimizer().clipNorm() != null) {
            // The reader has checked that it is positive and finite, all that the constructor asks.
            optimizer = new ClipByGlobalNorm(optimizer, raw.optimizer().clipNorm().value());
        }
        Optional<TrainingState> training = Optional.ofNullable(raw.training()).map(RawModel.Placed::value);
        NumpyRandom random = training.map(s -> NumpyRandom.fromState(s.random())).orElseGet(() -> new NumpyRandom(0));
        try {
            return new Checkpoint(Sequential.of(raw.inputSize().value(), layers, loss, optimizer, random), training);
        } catch (IllegalArgumentException e) {
            throw raw.inputSize().where().fail(e.getMessage());
        }
    }

    private Layer createLayer(RawModel.Typed t, int inputSize) throws ModelFormatException {
        String name = t.type().value();
        TypeRegistry.Entry<Layer> layerEntry = registry.layers().get(name);
        if (layerEntry == null) {
            if (!registry.activations().containsKey(name)) {
                throw t.type().where().fail("unknown layer type \"" + name + "\"; registered: "
                        + String.join(", ", registry.layerNames()));
            }
            noMatrices(t.parameters(), t, "parameters");
            Activation activation = create(t, "activation", registry.activations());
            return new ActivationLayer(activation);
        }
        Config config = t.config().value().withAllocationGuard(this::reserve);
        Layer layer = build(t, () -> layerEntry.layerFactory().create(inputSize, config));
        checkConfigKeys(t, layerEntry, layer);
        fillParameters(t, layer);
        return layer;
    }

    private void reserve(long elements) {
        reserved += elements;
        if (reserved > limits.maxElements()) {
            throw new IllegalArgumentException("allocating " + elements + " more numbers exceeds the limit"
                    + " ModelLimits.maxElements = " + limits.maxElements() + " numbers in one model");
        }
    }

    private <T> T create(RawModel.Typed t, String kind, Map<String, TypeRegistry.Entry<T>> entries)
            throws ModelFormatException {
        String name = t.type().value();
        TypeRegistry.Entry<T> entry = entries.get(name);
        if (entry == null) {
            throw t.type().where().fail("unknown " + kind + " type \"" + name + "\"; registered: "
                    + String.join(", ", entries.keySet()));
        }
        Config config = t.config().value();
        T created = build(t, () -> entry.factory().apply(config));
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

    private static void noMatrices(Map<String, RawModel.Placed<Matrix>> matrices, RawModel.Typed t, String key)
            throws ModelFormatException {
        if (!matrices.isEmpty()) {
            String first = matrices.keySet().iterator().next();
            throw matrices.get(first).where().fail("\"" + t.type().value() + "\" has no " + key + ", found \""
                    + first + "\"");
        }
    }

    private static void fillParameters(RawModel.Typed t, Layer layer) throws ModelFormatException {
        Map<String, Parameter> expected = new LinkedHashMap<>();
        for (Parameter p : layer.parameters()) {
            expected.put(p.name(), p);
        }
        String names = expected.isEmpty() ? "none" : String.join(", ", expected.keySet());
        String parametersPath = Where.child(t.where().path(), "parameters");
        for (Map.Entry<String, RawModel.Placed<Matrix>> e : t.parameters().entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                throw e.getValue().where().fail("unknown parameter \"" + e.getKey() + "\" for \""
                        + t.type().value() + "\"; expected: " + names);
            }
        }
        for (Parameter p : expected.values()) {
            RawModel.Placed<Matrix> found = t.parameters().get(p.name());
            if (found == null) {
                throw new Where(parametersPath, t.where().line(), t.where().column()).fail("missing parameter \""
                        + p.name() + "\" for \"" + t.type().value() + "\"; expected: " + names);
            }
            Matrix m = found.value();
            if (!m.hasShape(p.value().rows(), p.value().cols())) {
                throw found.where().fail(layer.describe() + " parameter \"" + p.name() + "\": expected "
                        + p.value().shape() + ", found " + m.shape());
            }
            for (int i = 0; i < m.size(); i++) {
                p.value().setFlat(i, m.getFlat(i));
            }
        }
    }

    private static void restoreState(RawModel.Typed t, Optimizer optimizer) throws ModelFormatException {
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
}
