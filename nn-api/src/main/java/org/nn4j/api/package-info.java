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
 * The contracts are the textbook's: a layer implements {@code forward} and {@code backward}, an activation
 * {@code apply} and {@code derivative}, a loss {@code value} and {@code gradient}, an optimizer {@code update}. What a
 * custom piece implements is exactly what the built-in ones in {@code nn-core} implement.
 *
 * <p>This module holds the contracts and nothing else. The arithmetic of {@link org.nn4j.api.Matrix}'s products and
 * exponentials is done by the engine module ({@code nn-engine}, package {@code org.nn4j.engine}) below it, which
 * is the only module this one depends on; see {@link org.nn4j.api.Matrix#productKernel()}.
 */
package org.nn4j.api;
