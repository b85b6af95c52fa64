/**
 * Built-in {@link org.nn4j.api.Loss} functions, each with its value and gradient formulas in its javadoc:
 * {@link org.nn4j.core.losses.MeanSquaredError}, {@link org.nn4j.core.losses.BinaryCrossEntropy},
 * {@link org.nn4j.core.losses.CategoricalCrossEntropy} (on probabilities) and
 * {@link org.nn4j.core.losses.SoftmaxCrossEntropy} (on logits, numerically stable: the one to train classifiers with).
 */
package org.nn4j.core.losses;
