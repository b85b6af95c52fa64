package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.core.init.Initializer;
import org.nn4j.core.init.Uniform;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.BatchNormalization;
import org.nn4j.core.layers.Conv2D;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Flatten;
import org.nn4j.core.layers.MaxPool2D;
import org.nn4j.core.layers.Padding;
import org.nn4j.core.random.NumpyRandom;

/**
 * Composes a {@link Sequential}: input size, layers, loss, optimizer and the source of randomness.
 *
 * <p>{@link #dense(int)} takes only the number of outputs: its input size is inferred from the layer before.
 * {@link #build()} checks everything at once (an input size, at least one layer, a loss, an optimizer, a seed or
 * generator, and every layer's sizes against the one before) and says what is missing or wrong.
 *
 * <p><b>Initial weights.</b> Dense layers added with {@link #dense(int)} (and convolutions added with
 * {@link #conv2d(int, int)}, in the same order) are initialised at {@code build()}, from
 * the given generator (or a {@link NumpyRandom} seeded with {@link #seed(long)}), in the blog's order: first the
 * weights of every dense layer, in layer order, then the biases of every dense layer. With the defaults
 * ({@code Uniform(-1, 1)} for both) and seed 42 this draws {@code w1, w2, b1, b2} exactly as the blog's
 * {@code np.random.uniform} calls do. Layers added with {@link #layer(Layer)} keep the values they have.
 * The same generator then shuffles mini-batches during training.
 */
public final class SequentialBuilder {

    private Shape inputShape;
    private final List<Object> steps = new ArrayList<>();
    private Loss loss;
    private Optimizer optimizer;
    private RandomGenerator random;
    private Initializer weightInitializer = new Uniform(-1, 1);
    private Initializer biasInitializer = new Uniform(-1, 1);
    private ModelNames names = ModelNames.NONE;

    SequentialBuilder() {
    }

    /**
     * The shape of one input sample: {@code input(2)} for two features, {@code input(1, 28, 28)} for one grey
     * 28×28 image (channels×height×width, stored flat in its row).
     *
     * @param shape the size of each axis, each at least 1
     * @return this builder
     */
    public SequentialBuilder input(int... shape) {
        try {
            this.inputShape = Shape.of(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shape.length == 1
                    ? "Sequential.builder: input size must be positive, got " + shape[0]
                    : "Sequential.builder: input shape " + Arrays.toString(shape) + " must have positive axes", e);
        }
        return this;
    }

    /**
     * Adds a {@link Dense} layer whose input size is the previous layer's output size.
     *
     * @param units the number of outputs (neurons), at least 1
     * @return this builder
     */
    public SequentialBuilder dense(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Sequential.builder: dense units must be positive, got " + units
                    + " (layer " + steps.size() + ")");
        }
        steps.add(new DenseStep(units));
        return this;
    }

    /**
     * Adds an {@link ActivationLayer} applying {@code activation} element by element.
     *
     * @param activation the function
     * @return this builder
     */
    public SequentialBuilder activation(Activation activation) {
        steps.add(new ActivationLayer(Objects.requireNonNull(activation, "activation")));
        return this;
    }

    /**
     * Adds a {@link Conv2D} layer with stride 1 and {@link Padding#VALID} padding, for the image the layer before
     * produces; its weights are drawn like a dense layer's, with fan-in {@code channels·k·k}.
     *
     * @param filters the number of filters (output channels), at least 1
     * @param kernelSize the height and width of each kernel, at least 1
     * @return this builder
     */
    public SequentialBuilder conv2d(int filters, int kernelSize) {
        return conv2d(filters, kernelSize, 1, Padding.VALID);
    }

    /**
     * Adds a {@link Conv2D} layer for the image the layer before produces.
     *
     * @param filters the number of filters (output channels), at least 1
     * @param kernelSize the height and width of each kernel, at least 1
     * @param stride the step between windows, at least 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     * @return this builder
     */
    public SequentialBuilder conv2d(int filters, int kernelSize, int stride, Padding padding) {
        if (filters <= 0 || kernelSize <= 0 || stride <= 0 || padding == null) {
            throw new IllegalArgumentException("Sequential.builder: conv2d needs positive filters, kernel size and"
                    + " stride and a padding, got " + filters + ", " + kernelSize + ", " + stride + ", " + padding
                    + " (layer " + steps.size() + ")");
        }
        steps.add(new ConvStep(filters, kernelSize, stride, padding));
        return this;
    }

    /**
     * Adds a {@link MaxPool2D} layer with windows that do not overlap, for the image the layer before produces.
     *
     * @param poolSize the height and width of each window (and the stride), at least 1
     * @return this builder
     */
    public SequentialBuilder maxPool2d(int poolSize) {
        return maxPool2d(poolSize, poolSize);
    }

    /**
     * Adds a {@link MaxPool2D} layer for the image the layer before produces.
     *
     * @param poolSize the height and width of each window, at least 1
     * @param stride the step between windows, at least 1
     * @return this builder
     */
    public SequentialBuilder maxPool2d(int poolSize, int stride) {
        if (poolSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("Sequential.builder: maxPool2d needs a positive pool size and stride,"
                    + " got " + poolSize + ", " + stride + " (layer " + steps.size() + ")");
        }
        steps.add(new PoolStep(poolSize, stride));
        return this;
    }

    /**
     * Adds a {@link BatchNormalization} layer with Keras' defaults (momentum 0.99, ε = 0.001), per channel after an
     * image layer and per column after a flat one.
     *
     * @return this builder
     */
    public SequentialBuilder batchNormalization() {
        steps.add(new BatchNormStep());
        return this;
    }

    /**
     * Adds a {@link Flatten} layer: from here on an image sample is read as one flat row ({@code 1×28×28 → 784}).
     *
     * @return this builder
     */
    public SequentialBuilder flatten() {
        steps.add(new Flatten());
        return this;
    }

    /**
     * Adds a {@link Dropout} layer that zeroes a fraction {@code rate} of its inputs while training, with masks
     * drawn from the model's generator.
     *
     * @param rate the fraction dropped while training, in {@code [0, 1)}
     * @return this builder
     */
    public SequentialBuilder dropout(double rate) {
        steps.add(new Dropout(rate));
        return this;
    }

    /**
     * Adds a layer as it is (its sizes are checked at {@code build()}, its parameters are not re-initialised).
     *
     * @param layer the layer
     * @return this builder
     */
    public SequentialBuilder layer(Layer layer) {
        steps.add(Objects.requireNonNull(layer, "layer"));
        return this;
    }

    /**
     * @param loss the loss to train with
     * @return this builder
     */
    public SequentialBuilder loss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    /**
     * @param optimizer the optimizer to train with
     * @return this builder
     */
    public SequentialBuilder optimizer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    /**
     * Uses a {@link NumpyRandom} seeded with {@code seed} for initial weights and shuffling.
     *
     * @param seed a seed in {@code [0, 2³² − 1]}
     * @return this builder
     */
    public SequentialBuilder seed(long seed) {
        this.random = new NumpyRandom(seed);
        return this;
    }

    /**
     * Uses this generator for initial weights and shuffling (the model keeps and advances it).
     *
     * @param random the generator
     * @return this builder
     */
    public SequentialBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @param initializer how dense layers' weights start; default {@code Uniform(-1, 1)} as in the blog
     * @return this builder
     */
    public SequentialBuilder weightInitializer(Initializer initializer) {
        this.weightInitializer = Objects.requireNonNull(initializer, "initializer");
        return this;
    }

    /**
     * @param initializer how dense layers' biases start; default {@code Uniform(-1, 1)} as in the blog
     * @return this builder
     */
    public SequentialBuilder biasInitializer(Initializer initializer) {
        this.biasInitializer = Objects.requireNonNull(initializer, "initializer");
        return this;
    }

    /**
     * @param names the input columns' names and the output columns' labels, saved with the model; each list
     *     empty or one name per column (checked at {@link #build()})
     * @return this builder
     */
    public SequentialBuilder names(ModelNames names) {
        this.names = Objects.requireNonNull(names, "names");
        return this;
    }

    /**
     * Checks the whole composition, creates the layers and draws their initial values.
     *
     * @return the model
     * @throws IllegalStateException if a required part is missing (input size, layers, loss, optimizer, seed)
     * @throws IllegalArgumentException if a layer does not fit the one before it
     */
    public Sequential build() {
        List<String> missing = new ArrayList<>();
        if (inputShape == null) {
            missing.add("input(size)");
        }
        if (steps.isEmpty()) {
            missing.add("at least one layer (dense, activation or layer)");
        }
        if (loss == null) {
            missing.add("loss(...)");
        }
        if (optimizer == null) {
            missing.add("optimizer(...)");
        }
        if (random == null) {
            missing.add("seed(...) or random(...)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Sequential.builder: missing " + String.join(", ", missing));
        }
        List<Layer> layers = new ArrayList<>(steps.size());
        List<Initialized> created = new ArrayList<>();
        for (Object step : steps) {
            // The shape of one sample as the layers so far leave it.
            Shape shape = layers.isEmpty() ? inputShape
                    : ShapeChain.of(inputShape, layers).get(layers.size() - 1);
            Layer layer;
            if (step instanceof DenseStep d) {
                Dense dense = new Dense(shape.size(), d.units());
                created.add(new Initialized(dense.weights(), dense.bias(), dense.inputSize(), dense.outputSize()));
                layer = dense;
            } else if (step instanceof ConvStep c) {
                Conv2D conv = new Conv2D(imageOf(shape, "conv2d", layers.size()), c.filters(), c.kernelSize(),
                        c.stride(), c.padding());
                created.add(new Initialized(conv.weights(), conv.bias(), conv.fanIn(), conv.fanOut()));
                layer = conv;
            } else if (step instanceof BatchNormStep) {
                layer = BatchNormalization.forShape(shape);
            } else if (step instanceof PoolStep p) {
                layer = new MaxPool2D(imageOf(shape, "maxPool2d", layers.size()), p.poolSize(), p.stride());
            } else {
                layer = (Layer) step;
            }
            layers.add(layer);
        }
        Sequential model = Sequential.of(inputShape, layers, loss, optimizer, random).withNames(names);
        // The blog draws w1, w2, then b1, b2: all weights first, then all biases.
        for (Initialized layer : created) {
            weightInitializer.initialize(layer.weights().value(), layer.fanIn(), layer.fanOut(), random);
        }
        for (Initialized layer : created) {
            biasInitializer.initialize(layer.bias().value(), layer.fanIn(), layer.fanOut(), random);
        }
        return model;
    }

    private static Shape imageOf(Shape shape, String what, int index) {
        if (shape.rank() != 3) {
            throw new IllegalArgumentException("Sequential.builder: " + what + " (layer " + index
                    + ") needs an image channels×height×width, but its input is " + shape
                    + " (start with input(channels, height, width))");
        }
        return shape;
    }

    /** A layer the builder created and initialises: its weights and bias, and their fans. */
    private record Initialized(Parameter weights, Parameter bias, int fanIn, int fanOut) {
    }

    private record ConvStep(int filters, int kernelSize, int stride, Padding padding) {
    }

    private record PoolStep(int poolSize, int stride) {
    }

    private record BatchNormStep() {
    }

    private record DenseStep(int units) {
    }
}
