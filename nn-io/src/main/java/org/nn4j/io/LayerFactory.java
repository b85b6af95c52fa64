package org.nn4j.io;

import org.nn4j.api.Layer;

/**
 * Creates a registered layer from its input size and its saved {@link Config}, with its parameters and state at any
 * value: the loader then fills every parameter and every state matrix by name from the file and checks its shape.
 * The input size is the number of values in one input sample ({@code Shape.size()}), whatever its shape.
 *
 * <pre>
 *   (inputSize, config) -&gt; new Dense(inputSize, config.getInt("units"))
 * </pre>
 *
 * @param <L> the layer class
 */
@FunctionalInterface
public interface LayerFactory<L extends Layer> {

    /**
     * @param inputSize the output size of the layer before (or the model's input size), positive: the columns of
     *     the input, the product of its shape's axes
     * @param config the saved configuration
     * @return a new layer
     * @throws IllegalArgumentException if the configuration is missing a value or holds a bad one
     */
    L create(int inputSize, Config config);
}
