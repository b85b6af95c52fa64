/**
 * Element-wise activation functions, each an {@link org.nn4j.api.Activation} whose javadoc gives its formula and
 * derivative: {@link org.nn4j.core.activations.Sigmoid}, {@link org.nn4j.core.activations.Tanh},
 * {@link org.nn4j.core.activations.Relu}, {@link org.nn4j.core.activations.LeakyRelu},
 * {@link org.nn4j.core.activations.Softplus} and {@link org.nn4j.core.activations.Identity}. Wrap one in an
 * {@link org.nn4j.core.layers.ActivationLayer} (the builder's {@code .activation(...)} does) to use it in a model.
 * Softmax is not element-wise: it is the layer {@link org.nn4j.core.layers.Softmax}.
 */
package org.nn4j.core.activations;
