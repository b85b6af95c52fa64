package org.nn4j.api.training;

/**
 * Training is about to start.
 *
 * @param epochs how many epochs will run at most
 * @param samples how many training samples there are
 * @param batchSize samples per batch (the last batch of an epoch may be smaller)
 * @param batchesPerEpoch batches in each epoch
 */
public record TrainingStart(int epochs, int samples, int batchSize, int batchesPerEpoch) {
}
