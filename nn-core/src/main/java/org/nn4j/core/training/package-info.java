/**
 * Built-in {@link org.nn4j.api.training.TrainingListener}s: the {@link org.nn4j.core.training.LossLogger} that
 * prints the blog's {@code Epoch i, Loss: x} lines, {@link org.nn4j.core.training.EarlyStopping} and
 * {@link org.nn4j.core.training.StopOnNaN}. They all work through the same events and stop training with
 * {@link org.nn4j.api.training.TrainingControl#requestStop}.
 */
package org.nn4j.core.training;
