/**
 * Built-in {@link org.nn4j.api.training.TrainingListener}s, starting with the
 * {@link org.nn4j.core.training.LossLogger} that prints the blog's {@code Epoch i, Loss: x} lines.
 */
package org.nn4j.core.training;
