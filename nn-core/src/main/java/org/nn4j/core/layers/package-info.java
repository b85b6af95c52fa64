/**
 * Built-in {@link org.nn4j.api.Layer}s: {@link org.nn4j.core.layers.Dense},
 * {@link org.nn4j.core.layers.ActivationLayer}, {@link org.nn4j.core.layers.Softmax},
 * {@link org.nn4j.core.layers.Standardize}, {@link org.nn4j.core.layers.Dropout} and
 * {@link org.nn4j.core.layers.BatchNormalization}, and for images
 * {@link org.nn4j.core.layers.Conv2D} (with its {@link org.nn4j.core.layers.Padding}),
 * {@link org.nn4j.core.layers.MaxPool2D} and {@link org.nn4j.core.layers.Flatten}. Each class's javadoc gives its forward and backward formulas.
 */
package org.nn4j.core.layers;
