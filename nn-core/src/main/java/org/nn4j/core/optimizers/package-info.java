/**
 * Built-in {@link org.nn4j.api.Optimizer}s, each with its update rule in its javadoc.
 */
package org.nn4j.core.optimizers;
