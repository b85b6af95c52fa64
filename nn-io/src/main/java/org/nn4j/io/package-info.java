/**
 * Saving and loading models as JSON: the nn4j model format, version 2 ({@code docs/model-format.md}); version-1
 * files still load.
 *
 * <p>{@link org.nn4j.io.ModelFormat} saves a {@code Sequential} crash-safely and loads it strictly: the input's
 * shape, every layer's parameters and non-trainable state, the loss, the optimizer and its state.
 * {@link org.nn4j.io.TypeRegistry} is the closed set of type names a file may use, each registered with a
 * {@link org.nn4j.io.Config} of simple values and a factory; nn4j's own types are registered with the same public
 * calls a plug-in uses (an activation as a layer type, gradient clipping as an optimizer type that wraps another),
 * and no class is treated specially when saving or loading. {@link org.nn4j.io.ModelFormatException} is the one
 * exception for bad files, naming the JSON location; {@link org.nn4j.io.ModelLimits} bounds what a file may cost.
 * {@link org.nn4j.io.Checkpoint} and {@link org.nn4j.io.TrainingState} carry the optional training section for exact
 * resumption.
 *
 * <p>Jackson is used here only, and only its streaming parser: the format is read token by token against its known
 * shape, never mapped to classes.
 */
package org.nn4j.io;
