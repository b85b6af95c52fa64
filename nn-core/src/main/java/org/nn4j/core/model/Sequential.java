package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.data.Samples;

/**
 * A stack of layers trained with one loss and one optimizer: the network of the blog, and of most tutorials.
 *
 * <pre>
 *   Sequential model = Sequential.builder()
 *           .input(2)
 *           .dense(4).activation(new Sigmoid())        // z1 = x·W1 + b1, a1 = σ(z1)
 *           .dense(1).activation(new Sigmoid())        // z2 = a1·W2 + b2, ŷ = σ(z2)
 *           .loss(new MeanSquaredError())
 *           .optimizer(new Sgd(0.2))
 *           .seed(42)
 *           .build();
 *   TrainingHistory history = model.fit(inputs, targets, 1000, new LossLogger(100));
 *   Matrix predictions = model.predict(inputs);
 * </pre>
 *
 * <p><b>Training</b> ({@link #fit}) repeats the blog's four steps for every batch: forward through each layer
 * keeping every activation, the loss, backward through each layer in reverse, then one optimizer update (the
 * trainer, {@code Trainer.step}, is one screen of code).
 *
 * <p><b>Shapes.</b> The model knows the {@link Shape} of one input sample ({@code 2}, or {@code 1×28×28} for an
 * image) and of every layer's output; {@link #summary()} shows them.
 *
 * <p><b>Threads.</b> A model that is not being trained can serve {@link #predict} (and {@link #forwardTrace})
 * from any number of threads at once, with the same results, bit for bit, as calling it on one thread: layers keep
 * no state between calls ({@link Layer}), and predict only reads the parameters. {@code fit} changes the
 * parameters, the optimizer's state and the model's generator: do not call anything on the same model from
 * another thread while it trains. To serve while training, predict with a {@link #snapshot()} and replace it
 * when training has moved on. {@code ConcurrentInferenceTest} checks this guarantee. A second {@code fit} while
 * one is running (from another thread, or from a listener) throws {@link IllegalStateException} instead of
 * corrupting the model ({@code ConcurrentFitTest}).
 *
 * <p><b>Faults.</b> If a plug-in (layer, activation, loss, optimizer, listener) throws during {@code fit},
 * training stops with a {@link TrainingException} naming it, the epoch and the batch, and no parameter is left
 * half-updated: see that class and {@code docs/reliability.md}. That holds for an {@link Error} or a checked
 * exception too. After every step the trainer checks that the loss, every layer's output and every parameter are
 * finite, and stops training with a reason naming where the first NaN or infinity appeared
 * ({@link TrainingHistory#stopReason()}).
 *
 * <p>Parameters are addressed by path, {@code layers[i].<name>} (for example {@code layers[0].weights}), in layer
 * order; optimizers key their state by these paths and the JSON format uses them too. Layers' non-trainable
 * {@link Layer#state() state} is addressed the same way ({@link #state()}).
 */
public final class Sequential {

    private final Shape inputShape;
    private final List<Shape> outputShapes;
    private final List<Layer> layers;
    private final Loss loss;
    private final Optimizer optimizer;
    private final RandomGenerator random;
    private final Map<String, Parameter> parameters;
    private final Map<String, Matrix> state;
    private final boolean frozen;
    private final ModelNames names;
    /** Whether a {@code fit} of this model is running, so that a second one is refused instead of corrupting it. */
    private final AtomicBoolean training = new AtomicBoolean();

    private Sequential(Shape inputShape, List<Layer> layers, Loss loss, Optimizer optimizer, RandomGenerator random,
            boolean frozen, ModelNames names) {
        this.inputShape = Objects.requireNonNull(inputShape, "inputShape");
        this.frozen = frozen;
        this.layers = List.copyOf(layers);
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.random = Objects.requireNonNull(random, "random");
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential: needs at least one layer");
        }
        this.outputShapes = ShapeChain.of(inputShape, this.layers);
        this.names = Objects.requireNonNull(names, "names");
        names.checkFits(inputSize(), outputSize());
        Map<String, Parameter> params = new LinkedHashMap<>();
        Map<String, Matrix> values = new LinkedHashMap<>();
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            for (Parameter p : layer.parameters()) {
                if (params.put(parameterPath(i, p.name()), p) != null) {
                    throw new IllegalArgumentException("Sequential: " + layerName(i) + " has two parameters named \""
                            + p.name() + "\"");
                }
            }
            for (Map.Entry<String, Matrix> e : layer.state().entrySet()) {
                String path = parameterPath(i, e.getKey());
                if (params.containsKey(path) || values.put(path, e.getValue()) != null) {
                    throw new IllegalArgumentException("Sequential: " + layerName(i) + " has two parameters or state"
                            + " values named \"" + e.getKey() + "\"");
                }
            }
        }
        this.parameters = Collections.unmodifiableMap(params);
        this.state = Collections.unmodifiableMap(values);
    }

    /** @return a builder that composes layers, loss, optimizer and seed */
    public static SequentialBuilder builder() {
        return new SequentialBuilder();
    }

    /**
     * Assembles a model from layers that already exist (with their parameters set), as a model loader does.
     * Every layer's sizes are checked against the one before.
     *
     * @param inputSize columns of the input
     * @param layers the layers in order, at least one
     * @param loss the loss to train with
     * @param optimizer the optimizer to train with
     * @param random the generator used to shuffle mini-batches
     * @return the model
     * @throws IllegalArgumentException if the layers do not fit together
     */
    public static Sequential of(int inputSize, List<Layer> layers, Loss loss, Optimizer optimizer,
            RandomGenerator random) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("Sequential: input size must be positive, got " + inputSize);
        }
        return of(Shape.of(inputSize), layers, loss, optimizer, random);
    }

    /**
     * Assembles a model whose samples have a shape of more than one axis, such as {@code 1×28×28} images.
     *
     * @param inputShape the shape of one input sample
     * @param layers the layers in order, at least one
     * @param loss the loss to train with
     * @param optimizer the optimizer to train with
     * @param random the generator used to shuffle mini-batches and by layers while training
     * @return the model
     * @throws IllegalArgumentException if the layers do not fit together
     */
    public static Sequential of(Shape inputShape, List<Layer> layers, Loss loss, Optimizer optimizer,
            RandomGenerator random) {
        return new Sequential(inputShape, layers, loss, optimizer, random, false, ModelNames.NONE);
    }

    /**
     * A deep copy for serving while this model goes on training (with the same {@link #names()}): new layers (from {@link Layer#copy()}) holding
     * copies of every parameter value as it is now. Later training of this model does not change the snapshot,
     * so other threads can {@link #predict} with it while this model trains on one thread:
     * <pre>
     *   AtomicReference&lt;Sequential&gt; serving = new AtomicReference&lt;&gt;(model.snapshot());
     *   // training thread, in a listener's onEpochEnd (between updates, so every parameter is consistent):
     *   serving.set(model.snapshot());
     *   // any number of serving threads:
     *   Matrix answer = serving.get().predict(input);
     * </pre>
     * The snapshot is for inference: its {@code fit} throws. It shares this model's loss (losses keep no state),
     * optimizer and generator, which it never uses; the optimizer's state goes on changing with this model's
     * training and is not part of the snapshot.
     *
     * <p>Call it on the thread that trains (or while nothing trains): copying while another thread updates the
     * parameters could copy some values from before an update and some from after.
     *
     * @return an independent copy that can predict but not train
     * @throws UnsupportedOperationException if a layer with parameters does not implement {@link Layer#copy()}
     */
    public Sequential snapshot() {
        List<Layer> copies = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            Layer copy = layer.copy();
            if (copy == layer && !layer.parameters().isEmpty()) {
                throw new UnsupportedOperationException("Sequential.snapshot: " + layer.describe()
                        + ".copy() returned the same layer, but it has parameters");
            }
            copies.add(copy);
        }
        return new Sequential(inputShape, copies, loss, optimizer, random, true, names);
    }

    /**
     * The same model under names: the same layers (so the same parameters and state), loss, optimizer and
     * generator, now knowing what its input columns and output columns are called ({@link ModelNames}).
     *
     * @param names the feature names and class labels; each list empty or one name per column
     * @return a model sharing everything with this one but its names
     * @throws IllegalArgumentException if a list's size differs from the model's input or output columns
     */
    public Sequential withNames(ModelNames names) {
        return new Sequential(inputShape, layers, loss, optimizer, random, frozen, names);
    }

    /** @return the feature names and class labels, {@link ModelNames#NONE} when the model was given none */
    public ModelNames names() {
        return names;
    }

    /** @return whether this model is a {@link #snapshot()}, which predicts but cannot be trained */
    public boolean isSnapshot() {
        return frozen;
    }

    /**
     * The path under which a layer's parameter is known to optimizers and files.
     *
     * @param layerIndex the layer's position, from 0
     * @param name the parameter's name within the layer
     * @return {@code layers[<layerIndex>].<name>}
     */
    public static String parameterPath(int layerIndex, String name) {
        return "layers[" + layerIndex + "]." + name;
    }

    /**
     * Runs the network forward: the model's answer for each row of {@code input}. Pure: safe to call from many
     * threads on a model that is not being trained.
     *
     * @param input one sample per row, {@code n×inputSize()}
     * @return a new {@code n×outputSize()} matrix
     * @throws IllegalArgumentException if the input has the wrong number of columns, or holds NaN or infinity (the
     *     message names the row and column)
     */
    public Matrix predict(Matrix input) {
        checkInput("predict", input);
        Matrix a = input;
        for (Layer layer : layers) {
            a = layer.forward(a);
        }
        return a;
    }

    /**
     * Runs the network forward and keeps every intermediate result: element 0 is the input and element
     * {@code i + 1} is layer {@code i}'s output (for the blog's network: {@code X, z1, a1, z2, output}).
     *
     * @param input one sample per row, {@code n×inputSize()}
     * @return an unmodifiable list of {@code layers().size() + 1} matrices
     */
    public List<Matrix> forwardTrace(Matrix input) {
        checkInput("forwardTrace", input);
        List<Matrix> trace = new ArrayList<>(layers.size() + 1);
        trace.add(input);
        Matrix a = input;
        for (Layer layer : layers) {
            a = layer.forward(a);
            trace.add(a);
        }
        return List.copyOf(trace);
    }

    private void checkInput(String method, Matrix input) {
        if (input.cols() != inputSize()) {
            throw new IllegalArgumentException("Sequential." + method + ": input has " + input.cols()
                    + " columns, expected " + inputSize()
                    + (inputShape.rank() > 1 ? " (samples of shape " + inputShape + ")" : ""));
        }
        if (!input.isFinite()) {
            for (int i = 0; ; i++) {
                if (!Double.isFinite(input.getFlat(i))) {
                    throw new IllegalArgumentException("Sequential." + method + ": input holds " + input.getFlat(i)
                            + " at row " + i / input.cols() + ", column " + i % input.cols()
                            + "; a model's answer for NaN or infinity means nothing");
                }
            }
        }
    }

    /**
     * Trains full-batch for a number of epochs: the blog's {@code train(X, y, epochs)}.
     *
     * @param inputs one sample per row, {@code n×inputSize()}
     * @param targets one target per row, {@code n×outputSize()}
     * @param epochs how many passes over the data
     * @param listeners told about training, in this order
     * @return the loss of every epoch
     */
    public TrainingHistory fit(Matrix inputs, Matrix targets, int epochs, TrainingListener... listeners) {
        return fit(inputs, targets, TrainingConfig.builder().epochs(epochs).listeners(List.of(listeners)).build());
    }

    /**
     * Trains as the configuration says (epochs, batch size, shuffling, validation, listeners).
     *
     * @param inputs one sample per row, {@code n×inputSize()}
     * @param targets one target per row, {@code n×outputSize()}
     * @param config how to train
     * @return the loss and metrics of every epoch
     * @throws IllegalArgumentException if the data's shapes do not fit the model, or it holds NaN or infinity
     * @throws IllegalStateException if this model is a {@link #snapshot()}, or another {@code fit} of it has not
     *     returned yet (two threads training one model would corrupt it)
     * @throws TrainingException if a layer, activation, loss, optimizer or listener threw; it names the plug-in,
     *     the epoch and the batch, and every parameter holds its value from before or from after the failed
     *     batch's update, never a mix
     */
    public TrainingHistory fit(Matrix inputs, Matrix targets, TrainingConfig config) {
        return trainOnce(() -> new Trainer(this, config).fit(inputs, targets));
    }

    /**
     * Trains on samples that make each batch when it is needed (such as images kept as bytes, see
     * {@link org.nn4j.core.data.LabelledImages}), as the configuration says; otherwise exactly as
     * {@link #fit(Matrix, Matrix, TrainingConfig)}, which trains on {@link Samples#of(Matrix, Matrix)}.
     *
     * @param samples the training samples, {@code inputColumns() == inputSize()} and
     *     {@code targetColumns() == outputSize()}
     * @param config how to train
     * @return the loss and metrics of every epoch
     * @throws IllegalArgumentException if the samples' columns do not fit the model
     * @throws IllegalStateException if this model is a {@link #snapshot()}, or another {@code fit} of it has not
     *     returned yet
     * @throws TrainingException if a layer, activation, loss, optimizer or listener threw (see
     *     {@link #fit(Matrix, Matrix, TrainingConfig)})
     */
    public TrainingHistory fit(Samples samples, TrainingConfig config) {
        return trainOnce(() -> new Trainer(this, config).fit(samples));
    }

    /** Runs one training, refusing a snapshot and a second {@code fit} while one is running (both fit paths). */
    private TrainingHistory trainOnce(java.util.function.Supplier<TrainingHistory> training) {
        if (frozen) {
            throw new IllegalStateException("Sequential.fit: this model is a snapshot for inference; train the model"
                    + " it was taken from");
        }
        if (!this.training.compareAndSet(false, true)) {
            throw new IllegalStateException("Sequential.fit: this model is already being trained (fit was called"
                    + " again, from another thread or from a listener, before the first call returned); one model"
                    + " trains in one fit at a time");
        }
        try {
            return training.get();
        } finally {
            this.training.set(false);
        }
    }

    /**
     * The model's loss on some data: {@code loss.value(predict(inputs), targets)}.
     *
     * @param inputs one sample per row, {@code n×inputSize()}
     * @param targets one target per row, {@code n×outputSize()}
     * @return the loss
     * @throws IllegalArgumentException if the shapes do not fit the model
     */
    public double evaluateLoss(Matrix inputs, Matrix targets) {
        return loss.value(predict(inputs), targets);
    }

    /**
     * A Keras-style table of the layers, their output shapes ({@code n} is the batch size) and parameter counts,
     * with the totals, the loss and the optimizer (an example is in {@code ModelSummary}'s source).
     *
     * @return the table, lines separated by {@code \n}, ending with a newline
     */
    public String summary() {
        return ModelSummary.of(this);
    }

    String layerName(int i) {
        return "layer " + i + " (" + layers.get(i).describe() + ")";
    }

    /** @return the number of input columns, {@code inputShape().size()} */
    public int inputSize() {
        return inputShape.size();
    }

    /** @return the number of output columns */
    public int outputSize() {
        return outputShapes.get(outputShapes.size() - 1).size();
    }

    /** @return the shape of one input sample, such as {@code 2} or {@code 1×28×28} */
    public Shape inputShape() {
        return inputShape;
    }

    /**
     * @param layerIndex the layer's position, from 0
     * @return the shape of one sample of that layer's output
     */
    public Shape outputShape(int layerIndex) {
        return outputShapes.get(layerIndex);
    }

    /** @return the layers in order (unmodifiable) */
    public List<Layer> layers() {
        return layers;
    }

    /** @return the loss the model trains with */
    public Loss loss() {
        return loss;
    }

    /** @return the optimizer the model trains with */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** @return the generator that shuffles mini-batches (mutable, advanced by training) */
    public RandomGenerator random() {
        return random;
    }

    /** @return every parameter by path ({@code layers[0].weights}, ...), live, in layer order (unmodifiable map) */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /**
     * Every layer's non-trainable state by path ({@code layers[0].mean}, ...), live, in layer order.
     *
     * @return an unmodifiable map; empty when no layer keeps state
     */
    public Map<String, Matrix> state() {
        return state;
    }

    /** @return the total number of trainable numbers */
    public long parameterCount() {
        long count = 0;
        for (Parameter p : parameters.values()) {
            count += p.value().size();
        }
        return count;
    }

    /** @return the layers, like {@code Sequential(2 → Dense(2→4) → Sigmoid → Dense(4→1) → Sigmoid)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(").append(inputShape);
        for (Layer layer : layers) {
            sb.append(" → ").append(layer.describe());
        }
        return sb.append(')').toString();
    }
}
