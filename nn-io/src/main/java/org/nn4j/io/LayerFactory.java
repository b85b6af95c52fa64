package org.nn4j.io;

import org.nn4j.api.Layer;

/**
 * Creates a registered layer from its input size and its saved {@link Config}, with its parameters at any value:
 * the loader then fills every parameter by name from the file and checks its shape.
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
     * @param inputSize the output size of the layer before (or the model's input size), positive
     * @param config the saved configuration
     * @return a new layer
     * @throws IllegalArgumentException if the configuration is missing a value or holds a bad one
     */
    L create(int inputSize, Config config);
}
