/**
 * Built-in {@link org.nn4j.api.Layer}s: {@link org.nn4j.core.layers.Dense},
 * {@link org.nn4j.core.layers.ActivationLayer} and {@link org.nn4j.core.layers.Softmax}. Each class's javadoc
 * gives its forward and backward formulas.
 */
package org.nn4j.core.layers;
