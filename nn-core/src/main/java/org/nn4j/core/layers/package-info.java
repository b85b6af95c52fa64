/**
 * Built-in {@link org.nn4j.api.Layer}s: {@link org.nn4j.core.layers.Dense} and
 * {@link org.nn4j.core.layers.ActivationLayer}. Each class's javadoc gives its forward and backward formulas.
 */
package org.nn4j.core.layers;
