package org.nn4j.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Optimizer;

/**
 * The closed set of type names a model file may use, and how each type is saved and created: the only things the
 * loader can instantiate. A file never names a Java class; its {@code "type"} is looked up here, and an unknown
 * name is rejected with the registered names listed.
 *
 * <p>{@link #builtIns()} holds nn4j's own types ({@code dense}, {@code sigmoid}, {@code mse}, {@code sgd}, ...).
 * To add your own, start from {@link #builder()} (which already holds the built-ins) and register each type with
 * one call: its name, its class, how to turn an instance into a {@link Config} and how to create one from a Config.
 * <pre>
 *   TypeRegistry registry = TypeRegistry.builder()
 *           .activation("swish", Swish.class, Swish::new)                      // nothing to configure
 *           .activation("leaky", Leaky.class, a -&gt; Config.of("alpha", a.alpha()),
 *                   c -&gt; new Leaky(c.getDouble("alpha")))
 *           .build();
 * </pre>
 * Layer parameters need no code: the loader fills each parameter the new layer lists in {@link Layer#parameters()}
 * by its name. Layer and activation names share one namespace (an activation is saved as an activation layer of
 * that type); losses and optimizers have their own. Names are short lower-case words ({@code [a-z][a-z0-9_-]*},
 * at most 64 characters), so no name can look like a class name.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TypeRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final TypeRegistry BUILT_INS = BuiltInTypes.registerAll(emptyBuilder()).build();

    private final Map<String, Entry<Layer>> layers;
    private final Map<String, Entry<Activation>> activations;
    private final Map<String, Entry<Loss>> losses;
    private final Map<String, Entry<Optimizer>> optimizers;

    private TypeRegistry(Builder b) {
        this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(b.layers));
        this.activations = Collections.unmodifiableMap(new LinkedHashMap<>(b.activations));
        this.losses = Collections.unmodifiableMap(new LinkedHashMap<>(b.losses));
        this.optimizers = Collections.unmodifiableMap(new LinkedHashMap<>(b.optimizers));
    }

    /** @return the registry of nn4j's built-in types */
    public static TypeRegistry builtIns() {
        return BUILT_INS;
    }

    /** @return a builder that already holds the built-in types, to add your own */
    public static Builder builder() {
        return BuiltInTypes.registerAll(emptyBuilder());
    }

    /** @return a builder with no types at all */
    public static Builder emptyBuilder() {
        return new Builder();
    }

    /**
     * How one registered type is saved and created.
     *
     * @param name the name in files
     * @param type the exact class that is saved under this name
     * @param configOf turns an instance into its configuration
     * @param layerFactory creates a layer from its input size and configuration (layers only, else null)
     * @param factory creates an instance from its configuration (activations, losses, optimizers, else null)
     * @param <T> the kind: layer, activation, loss or optimizer
     */
    record Entry<T>(String name, Class<?> type, Function<Object, Config> configOf, LayerFactory<?> layerFactory,
            Function<Config, ? extends T> factory) {
    }

    Map<String, Entry<Layer>> layers() {
        return layers;
    }

    Map<String, Entry<Activation>> activations() {
        return activations;
    }

    Map<String, Entry<Loss>> losses() {
        return losses;
    }

    Map<String, Entry<Optimizer>> optimizers() {
        return optimizers;
    }

    /**
     * @return the registered layer and activation names, then losses and optimizers, like
     *     {@code layers: dense, sigmoid; losses: mse; optimizers: sgd}
     */
    @Override
    public String toString() {
        return "TypeRegistry[layers: " + String.join(", ", layerNames()) + "; losses: "
                + String.join(", ", losses.keySet()) + "; optimizers: " + String.join(", ", optimizers.keySet()) + "]";
    }

    /** @return the names a layer's {@code "type"} may take, layers then activations, in registration order */
    public List<String> layerNames() {
        List<String> names = new ArrayList<>(layers.keySet());
        names.addAll(activations.keySet());
        return List.copyOf(names);
    }

    /** @return the registered loss names, in registration order */
    public List<String> lossNames() {
        return List.copyOf(losses.keySet());
    }

    /** @return the registered optimizer names, in registration order */
    public List<String> optimizerNames() {
        return List.copyOf(optimizers.keySet());
    }

    static <T> Entry<T> findByClass(Map<String, Entry<T>> entries, Object instance) {
        for (Entry<T> e : entries.values()) {
            if (e.type() == instance.getClass()) {
                return e;
            }
        }
        return null;
    }

    /** Collects registrations; {@link #build()} makes the immutable registry. */
    public static final class Builder {

        private final Map<String, Entry<Layer>> layers = new LinkedHashMap<>();
        private final Map<String, Entry<Activation>> activations = new LinkedHashMap<>();
        private final Map<String, Entry<Loss>> losses = new LinkedHashMap<>();
        private final Map<String, Entry<Optimizer>> optimizers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a layer type. Its parameters are saved and restored by name, from {@link Layer#parameters()}.
         *
         * @param name the name in files, such as {@code "dense"}
         * @param type the layer's class
         * @param configOf what to save about a layer besides its parameters (its input size is implied)
         * @param factory creates a layer from its input size and configuration
         * @param <L> the layer class
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <L extends Layer> Builder layer(String name, Class<L> type, Function<? super L, Config> configOf,
                LayerFactory<? extends L> factory) {
            Objects.requireNonNull(factory, "factory");
            add(layers, "layer", name, type, configOf, factory, null);
            return this;
        }

        /**
         * Registers an activation that has nothing to configure.
         *
         * @param name the name in files, such as {@code "sigmoid"}
         * @param type the activation's class
         * @param factory creates one
         * @param <A> the activation class
         * @return this builder
         */
        public <A extends Activation> Builder activation(String name, Class<A> type, Supplier<? extends A> factory) {
            Objects.requireNonNull(factory, "factory");
            return activation(name, type, a -> Config.empty(), c -> factory.get());
        }

        /**
         * Registers an activation with a configuration (such as a leaky ReLU's slope).
         *
         * @param name the name in files
         * @param type the activation's class
         * @param configOf what to save about an instance
         * @param factory creates one from its configuration
         * @param <A> the activation class
         * @return this builder
         */
        public <A extends Activation> Builder activation(String name, Class<A> type,
                Function<? super A, Config> configOf, Function<Config, ? extends A> factory) {
            add(activations, "activation", name, type, configOf, null, Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers a loss that has nothing to configure.
         *
         * @param name the name in files, such as {@code "mse"}
         * @param type the loss's class
         * @param factory creates one
         * @param <L> the loss class
         * @return this builder
         */
        public <L extends Loss> Builder loss(String name, Class<L> type, Supplier<? extends L> factory) {
            Objects.requireNonNull(factory, "factory");
            return loss(name, type, l -> Config.empty(), c -> factory.get());
        }

        /**
         * Registers a loss with a configuration.
         *
         * @param name the name in files
         * @param type the loss's class
         * @param configOf what to save about an instance
         * @param factory creates one from its configuration
         * @param <L> the loss class
         * @return this builder
         */
        public <L extends Loss> Builder loss(String name, Class<L> type, Function<? super L, Config> configOf,
                Function<Config, ? extends L> factory) {
            add(losses, "loss", name, type, configOf, null, Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers an optimizer. Its state ({@link Optimizer#state()}) is saved and restored without code.
         *
         * @param name the name in files, such as {@code "sgd"}
         * @param type the optimizer's class
         * @param configOf what to save about an instance (its hyper-parameters)
         * @param factory creates one from its configuration
         * @param <O> the optimizer class
         * @return this builder
         */
        public <O extends Optimizer> Builder optimizer(String name, Class<O> type,
                Function<? super O, Config> configOf, Function<Config, ? extends O> factory) {
            add(optimizers, "optimizer", name, type, configOf, null, Objects.requireNonNull(factory, "factory"));
            return this;
        }

        private <T, C> void add(Map<String, Entry<T>> kind, String kindName, String name, Class<C> type,
                Function<? super C, Config> configOf, LayerFactory<?> layerFactory,
                Function<Config, ? extends T> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("TypeRegistry: " + kindName + " name \"" + name + "\" must match "
                        + NAME.pattern());
            }
            boolean layerNamespace = kind == (Object) layers || kind == (Object) activations;
            if (kind.containsKey(name) || layerNamespace && (layers.containsKey(name)
                    || activations.containsKey(name))) {
                throw new IllegalArgumentException("TypeRegistry: " + kindName + " name \"" + name
                        + "\" is registered already");
            }
            if (findType(kind, type)) {
                throw new IllegalArgumentException("TypeRegistry: " + type.getName() + " is registered already as \""
                        + nameOf(kind, type) + "\"");
            }
            Function<Object, Config> typed = instance -> configOf.apply(type.cast(instance));
            kind.put(name, new Entry<>(name, type, typed, layerFactory, factory));
        }

        private static <T> boolean findType(Map<String, Entry<T>> kind, Class<?> type) {
            return kind.values().stream().anyMatch(e -> e.type() == type);
        }

        private static <T> String nameOf(Map<String, Entry<T>> kind, Class<?> type) {
            return kind.values().stream().filter(e -> e.type() == type).map(Entry::name).findFirst().orElse("?");
        }

        /** @return the immutable registry */
        public TypeRegistry build() {
            return new TypeRegistry(this);
        }
    }
}
