package org.nn4j.api.training;

import java.time.Duration;
import java.util.Objects;

/**
 * One batch has been trained: forward, loss, backward and update are done.
 *
 * @param epoch the epoch, counted from 0 (the blog's {@code Epoch 0})
 * @param batch the batch within the epoch, counted from 0
 * @param batchesPerEpoch batches in each epoch
 * @param loss the batch's loss, computed on the forward pass before the update
 * @param elapsed time since training started
 */
public record BatchEnd(int epoch, int batch, int batchesPerEpoch, double loss, Duration elapsed) {

    /**
     * Checks that the time is present.
     *
     * @param epoch the epoch, counted from 0 (the blog's {@code Epoch 0})
     * @param batch the batch within the epoch, counted from 0
     * @param batchesPerEpoch batches in each epoch
     * @param loss the batch's loss, computed on the forward pass before the update
     * @param elapsed time since training started
     */
    public BatchEnd {
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
