/**
 * Metrics reported beside the loss after every epoch: the {@link org.nn4j.core.metrics.Metric} interface and
 * {@link org.nn4j.core.metrics.Accuracy}. Ask for them with {@code TrainingConfig.builder().metric(...)}.
 */
package org.nn4j.core.metrics;
