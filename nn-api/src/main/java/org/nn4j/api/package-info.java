/**
 * The vocabulary every nn4j piece speaks: {@link org.nn4j.api.Matrix}, and the interfaces
 * {@link org.nn4j.api.Layer}, {@link org.nn4j.api.Activation}, {@link org.nn4j.api.Loss},
 * {@link org.nn4j.api.Optimizer} with the mutable {@link org.nn4j.api.Parameter} they share.
 *
 * <p>One training step, in the blog's four words, and which type does each:
 * <pre>
 *   forward    Layer.forward            a1 = σ(X·W1 + b1), output = σ(a1·W2 + b2)
 *   loss       Loss.value / gradient    mean((output − y)²) and ∂L/∂output
 *   backward   Layer.backward           deltas, and ∂L/∂W into Parameter.gradient()
 *   update     Optimizer.update         W ← W − η·∂L/∂W
 * </pre>
 * This module depends only on {@code nn-engine}, which computes {@code Matrix}'s products and exponentials (see
 * {@link org.nn4j.api.Matrix#productKernel()}); implementations live in {@code nn-core} and in users' code.
 */
package org.nn4j.api;
