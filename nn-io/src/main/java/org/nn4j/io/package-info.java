/**
 * Saving and loading models as JSON: the nn4j model format, version 1 ({@code docs/model-format.md}).
 *
 * <p>{@link org.nn4j.io.ModelFormat} saves a {@code Sequential} crash-safely and loads it strictly;
 * {@link org.nn4j.io.TypeRegistry} is the closed set of type names a file may use, each registered with a
 * {@link org.nn4j.io.Config} of simple values and a factory; {@link org.nn4j.io.ModelFormatException} is the one
 * exception for bad files, naming the JSON location; {@link org.nn4j.io.ModelLimits} bounds what a file may cost.
 * {@link org.nn4j.io.Checkpoint} and {@link org.nn4j.io.TrainingState} carry the optional training section for exact
 * resumption.
 *
 * <p>Jackson is used here only, and only its streaming parser: the format is read token by token against its known
 * shape, never mapped to classes.
 */
package org.nn4j.io;
