/**
 * Composition and training: {@link org.nn4j.core.model.Sequential} and its
 * {@link org.nn4j.core.model.SequentialBuilder}, {@link org.nn4j.core.model.TrainingConfig} and the
 * {@link org.nn4j.core.model.TrainingHistory} that {@code fit} returns.
 */
package org.nn4j.core.model;
