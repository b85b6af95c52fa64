package org.nn4j.api;

import java.util.List;
import java.util.Map;

/**
 * One stage of a network: a function from a batch of inputs to a batch of outputs, and its backward pass.
 *
 * <pre>
 *   forward:   output = f(input; parameters)                    input n×in  → output n×out
 *   backward:  given  outputGradient = ∂loss/∂output             (n×out)
 *              adds   ∂loss/∂p into p.gradient() for each parameter p
 *              returns inputGradient = ∂loss/∂input              (n×in)
 * </pre>
 *
 * <p><b>What to implement.</b> {@link #forward(Matrix)}, {@link #backward(Matrix, Matrix, Matrix)} and
 * {@link #outputSize(int)}; a layer with weights also {@link #parameters()} and {@link #copy()}. Everything else
 * has a default that is right for most layers:
 * <ul>
 *   <li>{@link #outputShape(Shape)}, for layers whose samples are images ({@code channels×height×width}) rather
 *       than flat rows, or that keep their input's shape (activations);</li>
 *   <li>{@link #state()}, for non-trainable values the model saves with the weights (a standardiser's mean and
 *       deviation, batch normalisation's running statistics);</li>
 *   <li>{@link #forward(Matrix, Training)} and {@link #backward(Matrix, Matrix, Matrix, Training)}, for layers
 *       that act differently while training (dropout) or need the model's random generator.</li>
 * </ul>
 *
 * <p><b>Call order.</b> For one batch the trainer calls {@code forward(input, training)} on each layer in turn,
 * keeps every layer's input and output (as the blog keeps {@code a1} and {@code output}), then calls
 * {@code backward(input, output, outputGradient, training)} on each layer in reverse with the same {@code input}
 * and {@code output} it saw, and only then lets the {@link Optimizer} change the parameters. A layer therefore
 * never back-propagates through weights that have already been updated. {@code predict} calls only
 * {@link #forward(Matrix)}.
 *
 * <p><b>No hidden state.</b> {@link #forward(Matrix)} is a pure function of its input, the parameters and the
 * state: a layer keeps nothing between calls, so one trained model can serve {@code forward} on many threads at
 * once. Whatever a layer needs from its training forward pass in its backward pass (a dropout mask) it keeps in
 * the {@link Training} it is given, not in a field.
 *
 * <p><b>Shapes.</b> Every sample is one row of the matrix. A sample with more than one axis (an image,
 * {@code channels×height×width}) is stored flat in its row, channel by channel and each channel row by row, and
 * its {@link Shape} travels beside the matrix through the model builder and the summary.
 *
 * <p>Implementations check their input shape and name themselves and both sizes in the message, for example
 * {@code Dense(2→4).forward: input has 3 columns, expected 2}.
 */
public interface Layer {

    /**
     * Computes the layer's output for a batch, as {@code predict} does (not training).
     *
     * @param input one sample per row, {@code n×inputSize}
     * @return a new matrix, one output per row, {@code n×outputSize}
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    Matrix forward(Matrix input);

    /**
     * Back-propagates through the layer: adds parameter gradients into the {@link Parameter}s and returns the
     * gradient of the loss with respect to the input.
     *
     * @param input the input {@link #forward} was given for this batch
     * @param output what {@link #forward} returned for it
     * @param outputGradient {@code ∂loss/∂output}, same shape as {@code output}
     * @return a new matrix {@code ∂loss/∂input}, same shape as {@code input}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    Matrix backward(Matrix input, Matrix output, Matrix outputGradient);

    /**
     * The number of output columns for a given number of input columns; the model builder calls this (through
     * {@link #outputShape}) to chain layers and check every shape before training starts.
     *
     * @param inputSize the columns of the input
     * @return the columns of the output
     * @throws IllegalArgumentException if this layer cannot take {@code inputSize} columns
     */
    int outputSize(int inputSize);

    /**
     * The shape of one output sample for the shape of one input sample. The default is a flat row of
     * {@link #outputSize(int)} columns; layers that keep their input's shape (activations) or work on images
     * (convolution, pooling) override it.
     *
     * @param inputShape the shape of one input sample
     * @return the shape of one output sample
     * @throws IllegalArgumentException if this layer cannot take that shape
     */
    default Shape outputShape(Shape inputShape) {
        return Shape.of(outputSize(inputShape.size()));
    }

    /**
     * The trainable parameters, in a stable order (weights before bias by convention).
     *
     * @return an unmodifiable list; empty for layers without parameters (the default)
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Non-trainable values that belong to the model and are saved with it: the mean and deviation a standardiser
     * subtracts and divides by, the running statistics of batch normalisation. The optimizer never sees them;
     * the layer itself may change them in its training forward pass. The matrices are live (the model loader
     * fills them in place) and their names must differ from the parameters' names.
     *
     * @return an unmodifiable map from name to live matrix, in a stable order; empty by default
     */
    default Map<String, Matrix> state() {
        return Map.of();
    }

    /**
     * The forward pass while training. The default is {@link #forward(Matrix)}: most layers compute the same thing
     * while training as while predicting. Dropout draws its mask from {@link Training#random()} here and keeps it
     * with {@link Training#save}; batch normalisation uses the batch's statistics and updates its running ones.
     *
     * @param input one sample per row, {@code n×inputSize}
     * @param training this batch's training context: the model's generator and a place to keep matrices for
     *     the backward pass
     * @return a new matrix, {@code n×outputSize}
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    default Matrix forward(Matrix input, Training training) {
        return forward(input);
    }

    /**
     * The backward pass while training, given the same {@link Training} as the forward pass of this batch. The
     * default is {@link #backward(Matrix, Matrix, Matrix)}.
     *
     * @param input the input the training forward pass was given for this batch
     * @param output what it returned
     * @param outputGradient {@code ∂loss/∂output}, same shape as {@code output}
     * @param training the same context the forward pass was given
     * @return a new matrix {@code ∂loss/∂input}, same shape as {@code input}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    default Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Training training) {
        return backward(input, output, outputGradient);
    }

    /**
     * An independent layer of the same kind holding copies of this layer's parameter values and state, so that
     * training one does not change the other: how a model takes a snapshot to serve while it goes on training.
     *
     * <p>The default returns {@code this} for a layer without parameters or state (it keeps nothing, so sharing it
     * is safe) and throws for any other layer: such layers override it, creating new {@link Parameter}s with
     * {@link Matrix#copy() copies} of the values (gradients start at zero) and copies of the state.
     *
     * @return the copy ({@code this} for a layer without parameters or state)
     * @throws UnsupportedOperationException if the layer has parameters or state and does not override this
     */
    default Layer copy() {
        if (parameters().isEmpty() && state().isEmpty()) {
            return this;
        }
        throw new UnsupportedOperationException(describe() + " has parameters or state but does not implement"
                + " Layer.copy()");
    }

    /**
     * A short description for messages and summaries.
     *
     * @return such as {@code Dense(2→4)}; by default the simple class name
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
