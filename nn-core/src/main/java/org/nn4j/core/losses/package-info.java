/**
 * Built-in {@link org.nn4j.api.Loss} functions, each with its value and gradient formulas in its javadoc:
 * {@link org.nn4j.core.losses.MeanSquaredError}, {@link org.nn4j.core.losses.BinaryCrossEntropy} and
 * {@link org.nn4j.core.losses.CategoricalCrossEntropy} (with its fused, numerically stable softmax path).
 */
package org.nn4j.core.losses;
