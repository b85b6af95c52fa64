/**
 * Element-wise activation functions, each an {@link org.nn4j.api.Activation} whose javadoc gives its formula and
 * derivative. Wrap one in an {@link org.nn4j.core.layers.ActivationLayer} (the builder's {@code .activation(...)}
 * does) to use it in a model.
 */
package org.nn4j.core.activations;
