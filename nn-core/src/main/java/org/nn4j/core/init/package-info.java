/**
 * Starting values for parameters: {@link org.nn4j.core.init.Initializer} and its implementations, each drawing
 * from a generator it is handed: {@link org.nn4j.core.init.Uniform} (the blog's), Glorot/Xavier
 * ({@link org.nn4j.core.init.GlorotUniform}, {@link org.nn4j.core.init.GlorotNormal}), He
 * ({@link org.nn4j.core.init.HeNormal}, {@link org.nn4j.core.init.HeUniform}) and
 * {@link org.nn4j.core.init.Zeros} for biases. Choose them with the builder's {@code weightInitializer} and
 * {@code biasInitializer}.
 */
package org.nn4j.core.init;
