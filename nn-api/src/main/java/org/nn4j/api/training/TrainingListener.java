package org.nn4j.api.training;

/**
 * Watches training and may stop it. Every method has an empty default, so a listener implements only what it
 * needs.
 *
 * <p><b>Call order</b>, the same on every training path:
 * <pre>
 *   onTrainingStart
 *   for each epoch:
 *       for each batch:  (forward, loss, backward, update)  then  onBatchEnd
 *       (validation, metrics)                                  then  onEpochEnd
 *   onTrainingEnd                                              always, also after a stop
 * </pre>
 * Listeners are called in the order they were given. To stop training cleanly (early stopping, a NaN loss), call
 * {@link TrainingControl#requestStop} instead of throwing: the current epoch finishes its events, training ends
 * after it, and the reason is reported in {@link TrainingEnd#stopReason()}. A request made in
 * {@code onBatchEnd} ends the epoch after that batch.
 */
public interface TrainingListener {

    /**
     * Called once before the first batch.
     *
     * @param event what is about to be trained
     * @param control lets the listener stop training or read the parameters
     */
    default void onTrainingStart(TrainingStart event, TrainingControl control) {
    }

    /**
     * Called after every batch's parameter update.
     *
     * @param event the batch and its loss
     * @param control lets the listener stop training or read the parameters
     */
    default void onBatchEnd(BatchEnd event, TrainingControl control) {
    }

    /**
     * Called after every epoch, with the epoch's training loss and metrics.
     *
     * @param event the epoch, its loss and metrics
     * @param control lets the listener stop training or read the parameters
     */
    default void onEpochEnd(EpochEnd event, TrainingControl control) {
    }

    /**
     * Called once when training ends, whether it ran all its epochs or was stopped.
     *
     * @param event how training ended
     * @param control lets the listener read (and, for restoring the best weights, change) the parameters
     */
    default void onTrainingEnd(TrainingEnd event, TrainingControl control) {
    }
}
