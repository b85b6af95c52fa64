/**
 * Watching and steering training: {@link org.nn4j.api.training.TrainingListener}, the immutable events it receives
 * ({@link org.nn4j.api.training.TrainingStart}, {@link org.nn4j.api.training.BatchEnd},
 * {@link org.nn4j.api.training.EpochEnd}, {@link org.nn4j.api.training.TrainingEnd}) and the
 * {@link org.nn4j.api.training.TrainingControl} through which a listener stops training without throwing.
 */
package org.nn4j.api.training;
