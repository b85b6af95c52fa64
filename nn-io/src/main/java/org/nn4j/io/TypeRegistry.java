package org.nn4j.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Optimizer;
import org.nn4j.core.layers.ActivationLayer;

/**
 * The closed set of type names a model file may use, and how each type is saved and created: the only things the
 * loader can instantiate. A file never names a Java class; its {@code "type"} is looked up here, and an unknown
 * name is rejected with the registered names listed.
 *
 * <p>{@link #builtIns()} holds nn4j's own types ({@code dense}, {@code sigmoid}, {@code mse}, {@code sgd}, ...),
 * registered with the same public calls a plug-in uses. To add your own, start from {@link #builder()} (which
 * already holds the built-ins) and register each type with one call: its name, its class, how to turn an instance
 * into a {@link Config} and how to create one from a Config.
 * <pre>
 *   TypeRegistry registry = TypeRegistry.builder()
 *           .activation("swish", Swish.class, Swish::new)                      // nothing to configure
 *           .activation("leaky", Leaky.class, a -&gt; Config.of("alpha", a.alpha()),
 *                   c -&gt; new Leaky(c.getDouble("alpha")))
 *           .build();
 * </pre>
 * <ul>
 *   <li>{@link Builder#layer layer}: a layer's parameters ({@link Layer#parameters()}) and non-trainable state
 *       ({@link Layer#state()}) need no code: the loader fills each by its name and checks its shape.</li>
 *   <li>{@link Builder#activation activation}: shorthand for a layer type that matches an {@link ActivationLayer}
 *       whose activation has exactly the registered class, saved as {@code {"type": "sigmoid"}}. Layers and
 *       activations therefore share one namespace.</li>
 *   <li>{@link Builder#loss loss} and {@link Builder#optimizer optimizer}: losses and optimizers have namespaces
 *       of their own; an optimizer's {@link Optimizer#state() state} needs no code.</li>
 *   <li>{@link Builder#optimizerWrapper optimizerWrapper}: an optimizer that wraps another (gradient clipping),
 *       saved with the wrapped optimizer as a nested {@code "optimizer"} object.</li>
 * </ul>
 * Names are short lower-case words ({@code [a-z][a-z0-9_-]*}, at most 64 characters), so no name can look like a
 * class name.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TypeRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final TypeRegistry BUILT_INS = BuiltInTypes.registerAll(emptyBuilder()).build();

    private final Map<String, Entry<Layer>> layers;
    private final Map<String, Entry<Loss>> losses;
    private final Map<String, Entry<Optimizer>> optimizers;

    private TypeRegistry(Builder b) {
        this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(b.layers));
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

    /** Creates an instance of a registered type from what the file holds. */
    @FunctionalInterface
    interface Creator<T> {
        /**
         * @param inputSize the layer's input columns (layers only; 0 for losses and optimizers)
         * @param config the saved configuration
         * @param wrapped the nested object, already created, for types that wrap one; else null
         * @return the new instance
         */
        T create(int inputSize, Config config, T wrapped);
    }

    /**
     * How one registered type is recognised, saved and created.
     *
     * @param name the name in files
     * @param type the class the registration names (a layer's, or for an activation the activation's)
     * @param matches whether an instance is saved under this name
     * @param configOf turns a matching instance into its configuration
     * @param wrapped the object a matching instance wraps, saved nested; null for types that wrap nothing
     * @param creator creates an instance
     * @param <T> the kind: layer, loss or optimizer
     */
    record Entry<T>(String name, Class<?> type, Predicate<Object> matches, Function<Object, Config> configOf,
            Function<Object, T> wrapped, Creator<T> creator) {

        /** @return whether instances of this type wrap another object of the same kind */
        boolean wraps() {
            return wrapped != null;
        }
    }

    Map<String, Entry<Layer>> layers() {
        return layers;
    }

    Map<String, Entry<Loss>> losses() {
        return losses;
    }

    Map<String, Entry<Optimizer>> optimizers() {
        return optimizers;
    }

    /**
     * @return the registered names, like {@code TypeRegistry[layers: dense, sigmoid; losses: mse; optimizers: sgd]}
     */
    @Override
    public String toString() {
        return "TypeRegistry[layers: " + String.join(", ", layerNames()) + "; losses: "
                + String.join(", ", losses.keySet()) + "; optimizers: " + String.join(", ", optimizers.keySet()) + "]";
    }

    /** @return the names a layer's {@code "type"} may take (layers and activations), in registration order */
    public List<String> layerNames() {
        return List.copyOf(layers.keySet());
    }

    /** @return the registered loss names, in registration order */
    public List<String> lossNames() {
        return List.copyOf(losses.keySet());
    }

    /** @return the registered optimizer names, in registration order */
    public List<String> optimizerNames() {
        return List.copyOf(optimizers.keySet());
    }

    /** @return the first entry, in registration order, that matches the instance; null if none does */
    static <T> Entry<T> find(Map<String, Entry<T>> entries, Object instance) {
        for (Entry<T> e : entries.values()) {
            if (e.matches().test(instance)) {
                return e;
            }
        }
        return null;
    }

    /** Collects registrations; {@link #build()} makes the immutable registry. */
    public static final class Builder {

        private final Map<String, Entry<Layer>> layers = new LinkedHashMap<>();
        private final Map<String, Entry<Loss>> losses = new LinkedHashMap<>();
        private final Map<String, Entry<Optimizer>> optimizers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a layer type. Its parameters ({@link Layer#parameters()}) and state ({@link Layer#state()})
         * are saved and restored by name, without code.
         *
         * @param name the name in files, such as {@code "dense"}
         * @param type the layer's class; layers of exactly this class are saved under the name
         * @param configOf what to save about a layer besides its parameters and state (its input size is implied)
         * @param factory creates a layer from its input size and configuration
         * @param <L> the layer class
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <L extends Layer> Builder layer(String name, Class<L> type, Function<? super L, Config> configOf,
                LayerFactory<? extends L> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            Objects.requireNonNull(factory, "factory");
            add(layers, "layer", name, type, exactly(type), layer -> configOf.apply(type.cast(layer)), null,
                    (inputSize, config, wrapped) -> factory.create(inputSize, config));
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
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <A extends Activation> Builder activation(String name, Class<A> type, Supplier<? extends A> factory) {
            Objects.requireNonNull(factory, "factory");
            return activation(name, type, a -> Config.empty(), c -> factory.get());
        }

        /**
         * Registers an activation with a configuration (such as a leaky ReLU's slope): a layer type that matches
         * every {@link ActivationLayer} whose activation has exactly this class, saved as
         * {@code {"type": name, "config": ...}} and loaded as a new {@code ActivationLayer} around the activation
         * the factory creates.
         *
         * @param name the name in files, in the layers' namespace
         * @param type the activation's class
         * @param configOf what to save about an instance
         * @param factory creates one from its configuration
         * @param <A> the activation class
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <A extends Activation> Builder activation(String name, Class<A> type,
                Function<? super A, Config> configOf, Function<Config, ? extends A> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            Objects.requireNonNull(factory, "factory");
            add(layers, "activation", name, type,
                    layer -> layer instanceof ActivationLayer a && a.activation().getClass() == type,
                    layer -> configOf.apply(type.cast(((ActivationLayer) layer).activation())), null,
                    (inputSize, config, wrapped) -> new ActivationLayer(factory.apply(config)));
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
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
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
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <L extends Loss> Builder loss(String name, Class<L> type, Function<? super L, Config> configOf,
                Function<Config, ? extends L> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            Objects.requireNonNull(factory, "factory");
            add(losses, "loss", name, type, exactly(type), loss -> configOf.apply(type.cast(loss)), null,
                    (inputSize, config, wrapped) -> factory.apply(config));
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
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <O extends Optimizer> Builder optimizer(String name, Class<O> type,
                Function<? super O, Config> configOf, Function<Config, ? extends O> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            Objects.requireNonNull(factory, "factory");
            add(optimizers, "optimizer", name, type, exactly(type), o -> configOf.apply(type.cast(o)), null,
                    (inputSize, config, wrapped) -> factory.apply(config));
            return this;
        }

        /**
         * Registers an optimizer that wraps another optimizer, such as gradient clipping around Adam. The file
         * holds the wrapped optimizer as a nested {@code "optimizer"} object of its own registered type (which may
         * itself be a wrapper); loading creates the wrapped optimizer first and hands it to the factory. The state
         * saved is the outermost optimizer's {@link Optimizer#state()}, restored with its
         * {@link Optimizer#restoreState}, so a wrapper that keeps no state of its own passes both on to the
         * optimizer it wraps.
         * <pre>
         *   .optimizerWrapper("clip-by-global-norm", ClipByGlobalNorm.class,
         *           clip -&gt; Config.of("maxNorm", clip.maxNorm()),                  // what to save
         *           ClipByGlobalNorm::optimizer,                                     // what it wraps
         *           (config, wrapped) -&gt; new ClipByGlobalNorm(wrapped, config.getDouble("maxNorm")))
         * </pre>
         *
         * @param name the name in files
         * @param type the wrapper's class
         * @param configOf what to save about an instance besides the optimizer it wraps
         * @param wrapped the optimizer an instance wraps
         * @param factory creates one from its configuration and the wrapped optimizer
         * @param <W> the wrapper class
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or taken, or the class is registered already
         */
        public <W extends Optimizer> Builder optimizerWrapper(String name, Class<W> type,
                Function<? super W, Config> configOf, Function<? super W, ? extends Optimizer> wrapped,
                BiFunction<Config, Optimizer, ? extends W> factory) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(configOf, "configOf");
            Objects.requireNonNull(wrapped, "wrapped");
            Objects.requireNonNull(factory, "factory");
            add(optimizers, "optimizer", name, type, exactly(type), o -> configOf.apply(type.cast(o)),
                    o -> wrapped.apply(type.cast(o)), (inputSize, config, inner) -> factory.apply(config, inner));
            return this;
        }

        private static Predicate<Object> exactly(Class<?> type) {
            return instance -> instance.getClass() == type;
        }

        private static <T> void add(Map<String, Entry<T>> kind, String kindName, String name, Class<?> type,
                Predicate<Object> matches, Function<Object, Config> configOf, Function<Object, T> wrapped,
                Creator<T> creator) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("TypeRegistry: " + kindName + " name \"" + name + "\" must match "
                        + NAME.pattern());
            }
            if (kind.containsKey(name)) {
                throw new IllegalArgumentException("TypeRegistry: " + kindName + " name \"" + name
                        + "\" is registered already");
            }
            for (Entry<T> e : kind.values()) {
                if (e.type() == type) {
                    throw new IllegalArgumentException("TypeRegistry: " + type.getName() + " is registered already"
                            + " as \"" + e.name() + "\"");
                }
            }
            kind.put(name, new Entry<>(name, type, matches, configOf, wrapped, creator));
        }

        /** @return the immutable registry */
        public TypeRegistry build() {
            return new TypeRegistry(this);
        }
    }
}
