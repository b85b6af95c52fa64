package org.nn4j.api;

import java.util.List;

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
 * <p><b>Call order.</b> For one batch the model calls {@code forward} on each layer in turn, keeps every layer's
 * input and output (as the blog keeps {@code a1} and {@code output}), then calls {@code backward} on each layer
 * in reverse with the same {@code input} and {@code output} it saw, and only then lets the {@link Optimizer}
 * change the parameters. A layer therefore never back-propagates through weights that have already been updated.
 *
 * <p><b>No hidden state.</b> {@code forward} is a pure function of its input and the parameters: a layer keeps
 * nothing between calls, so one trained model can serve {@code forward} on many threads at once.
 *
 * <p><b>Reusing matrices.</b> A training step creates the same intermediate matrices every batch: for the blog's
 * tiny network that allocation costs more than the arithmetic. So the model also offers each layer the matrix it
 * returned the step before, through {@link #forward(Matrix, Matrix)} and
 * {@link #backward(Matrix, Matrix, Matrix, Matrix)}: a layer may write its result into it instead of allocating.
 * Those two methods have defaults that ignore the offer, so a layer only has to implement the one-argument forms.
 *
 * <p>Implementations check their input shape and name themselves and both sizes in the message, for example
 * {@code Dense(2→4).forward: input has 3 columns, expected 2}.
 */
public interface Layer {

    /**
     * Computes the layer's output for a batch.
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
     * {@link #forward(Matrix)}, allowed to return its result in {@code reuse} instead of a new matrix.
     *
     * <p>{@code reuse} is {@code null} or a matrix this layer returned from this method earlier that the caller has
     * finished with; it is never {@code input}. When it has the output's shape the layer may overwrite it and return
     * it; otherwise it allocates as usual. The default ignores {@code reuse}.
     *
     * @param input one sample per row, {@code n×inputSize}
     * @param reuse a matrix the layer may overwrite, or {@code null}
     * @return the output, {@code n×outputSize}: {@code reuse} or a new matrix
     * @throws IllegalArgumentException if the input has the wrong number of columns
     */
    default Matrix forward(Matrix input, Matrix reuse) {
        return forward(input);
    }

    /**
     * {@link #backward(Matrix, Matrix, Matrix)}, allowed to return the input gradient in {@code reuse} instead of a
     * new matrix. {@code reuse} is {@code null} or a matrix this layer returned from this method earlier that the
     * caller has finished with; it is never one of the other three arguments. The default ignores it.
     *
     * @param input the input {@link #forward} was given for this batch
     * @param output what {@link #forward} returned for it
     * @param outputGradient {@code ∂loss/∂output}, same shape as {@code output}
     * @param reuse a matrix the layer may overwrite, or {@code null}
     * @return {@code ∂loss/∂input}, same shape as {@code input}: {@code reuse} or a new matrix
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    default Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Matrix reuse) {
        return backward(input, output, outputGradient);
    }

    /**
     * Back-propagates into the parameters only: what {@link #backward} does, without computing the input gradient.
     * The model calls this for its first layer, whose input gradient nobody reads (for a 784-input {@code Dense}
     * layer it would cost as much as the weight gradient). The default calls {@code backward} and drops the result;
     * layers with a cheaper way override it.
     *
     * @param input the input {@link #forward} was given for this batch
     * @param output what {@link #forward} returned for it
     * @param outputGradient {@code ∂loss/∂output}, same shape as {@code output}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    default void backwardParameters(Matrix input, Matrix output, Matrix outputGradient) {
        backward(input, output, outputGradient);
    }

    /**
     * The number of output columns for a given number of input columns; the model builder calls this to chain
     * layers and check every shape before training starts.
     *
     * @param inputSize the columns of the input
     * @return the columns of the output
     * @throws IllegalArgumentException if this layer cannot take {@code inputSize} columns
     */
    int outputSize(int inputSize);

    /**
     * The trainable parameters, in a stable order (weights before bias by convention).
     *
     * @return an unmodifiable list; empty for layers without parameters (the default)
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * An independent layer of the same kind holding copies of this layer's parameter values, so that training one
     * does not change the other: how a model takes a snapshot to serve while it goes on training.
     *
     * <p>The default returns {@code this} for a layer without parameters (it keeps no state, so sharing it is
     * safe) and throws for a layer with parameters: such layers override it, creating new {@link Parameter}s with
     * {@link Matrix#copy() copies} of the values (gradients start at zero).
     *
     * @return the copy ({@code this} for a layer without parameters)
     * @throws UnsupportedOperationException if the layer has parameters and does not override this method
     */
    default Layer copy() {
        if (parameters().isEmpty()) {
            return this;
        }
        throw new UnsupportedOperationException(describe() + " has parameters but does not implement Layer.copy()");
    }

    /**
     * @return a short description for messages and summaries, such as {@code Dense(2→4)}; by default the simple
     *     class name
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
