/**
 * Backpropagation spelled out: {@link org.nn4j.examples.explain.BlogStep} prints one training step of the blog's
 * network in the blog's names, as aligned matrices ({@link org.nn4j.examples.explain.MatrixText}).
 */
package org.nn4j.examples.explain;
