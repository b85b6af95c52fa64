package org.nn4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * The first three of the blog's four training steps on one batch: forward, loss, backward. It leaves
 * {@code ∂L/∂p} in every parameter's gradient and changes no parameter value; the fourth step, the optimizer's
 * update, is the caller's ({@link UpdateGuard}). {@code Sequential.fit} runs it on every batch; a data-parallel
 * trainer runs it on each worker's share of a batch and adds the gradients up before one update (nn-spark).
 * <pre>
 *   forward    trace[0] = x;   trace[i+1] = layer i.forward(trace[i])        the blog's a1 and output
 *   loss       L = loss.value(trace[n], y);   g = ∂L/∂trace[n]
 *   backward   zero every parameter gradient;  for i = n−1 … 0:  g = layer i.backward(trace[i], trace[i+1], g)
 * </pre>
 *
 * <p>Mutable and for one thread: it keeps the batch's activations between the passes, and it writes the model's
 * parameter gradients. A plug-in that throws (an {@link Error} or an undeclared checked exception too) is reported as a {@link TrainingException} naming it, the epoch and
 * the batch.
 */
public final class GradientPass {

    private final Sequential model;
    private final List<Layer> layers;
    private final Loss loss;
    private final List<Parameter> parameters;
    /** What each layer's forward pass saw and produced: {@code trace[0]} is the input, {@code trace[i+1]} layer i's output. */
    private final Matrix[] trace;
    /** Each layer's training context: the generator and what the layer keeps for its backward pass. */
    private final LayerTraining[] training;

    /**
     * A pass over the model's layers whose layers draw from the model's own generator while training.
     *
     * @param model the model whose parameter gradients this pass writes
     */
    public GradientPass(Sequential model) {
        this(model, model.random());
    }

    /**
     * A pass whose layers draw from the given generator while training (dropout's masks): a worker that holds a
     * copy of the model gives its own.
     *
     * @param model the model whose parameter gradients this pass writes
     * @param random what {@link org.nn4j.api.Training#random()} returns to the layers
     */
    public GradientPass(Sequential model, RandomGenerator random) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(random, "random");
        this.layers = model.layers();
        this.loss = model.loss();
        this.parameters = List.copyOf(model.parameters().values());
        this.trace = new Matrix[layers.size() + 1];
        this.training = new LayerTraining[layers.size()];
        for (int i = 0; i < training.length; i++) {
            training[i] = new LayerTraining(random);
        }
    }

    /**
     * Forward, loss and backward on one batch: afterwards every parameter's gradient holds {@code ∂L/∂p} of this
     * batch's loss alone (the gradients are zeroed first).
     *
     * @param x the batch's inputs, one sample per row
     * @param y the batch's targets, one per row
     * @param epoch the epoch, for the layers' {@link org.nn4j.api.Training} and for messages
     * @param batch the batch within the epoch, likewise
     * @return the batch's loss {@code L}, computed with the parameters as they are
     * @throws TrainingException if a layer or the loss threw
     */
    public double compute(Matrix x, Matrix y, int epoch, int batch) {
        trace[0] = x;
        for (int i = 0; i < layers.size(); i++) {
            training[i].startBatch(epoch, batch);
            try {
                trace[i + 1] = layers.get(i).forward(trace[i], training[i]);
            } catch (Throwable e) {
                throw new TrainingException(model.layerName(i) + ".forward", epoch, batch, false, e);
            }
        }
        Matrix output = trace[layers.size()];
        double value;
        Matrix gradient;
        try {
            value = loss.value(output, y);
            gradient = loss.gradient(output, y);
        } catch (Throwable e) {
            throw new TrainingException("loss " + loss.describe(), epoch, batch, false, e);
        }
        for (Parameter p : parameters) {
            p.zeroGradient();
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            try {
                gradient = layers.get(i).backward(trace[i], trace[i + 1], gradient, training[i]);
            } catch (Throwable e) {
                throw new TrainingException(model.layerName(i) + ".backward", epoch, batch, false, e);
            }
        }
        return value;
    }

    /** @return what each layer saw and produced on the last batch ({@code [0]} the input): for {@link FiniteCheck} */
    Matrix[] trace() {
        return trace;
    }

    /**
     * @return the model's output for the last batch {@link #compute computed} (its training forward pass)
     * @throws IllegalStateException before the first batch
     */
    public Matrix output() {
        Matrix output = trace[layers.size()];
        if (output == null) {
            throw new IllegalStateException("GradientPass.output: no batch computed yet");
        }
        return output;
    }
}
