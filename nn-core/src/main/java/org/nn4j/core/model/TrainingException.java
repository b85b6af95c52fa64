package org.nn4j.core.model;

import java.util.Objects;

/**
 * Training stopped because a plug-in threw: a layer or its activation, the loss, the optimizer, a listener, or
 * the evaluation of the validation data. The message names the plug-in, the epoch and the batch, for example
 * <pre>
 *   training failed at epoch 3, batch 1: optimizer Adam(learningRate=0.001).update threw
 *   IllegalStateException: boom (every parameter holds its value from before this batch; its update was not
 *   applied)
 * </pre>
 * and the plug-in's exception is the {@linkplain #getCause() cause}.
 *
 * <p><b>What the parameters hold afterwards.</b> Each parameter holds either its value from before the failed
 * batch's update or from after it, never a mix: a layer, activation or loss fails before the update starts, so
 * nothing has changed; an optimizer that fails part-way is rolled back to the values (and the optimizer state)
 * from before the update; a listener runs after the update has completed. {@link #parametersUpdated()} says
 * which of the two it is.
 */
public final class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where a batch-less failure (the validation after an epoch, training start or end) is reported. */
    public static final int NO_BATCH = -1;

    /** The plug-in and method that threw. */
    private final String component;
    /** The epoch in which training failed, from 0. */
    private final int epoch;
    /** The batch in which training failed, from 0, or {@link #NO_BATCH}. */
    private final int batch;
    /** Whether the parameters hold their values from after the failed batch's update. */
    private final boolean parametersUpdated;

    /**
     * @param component the plug-in and the method that threw, such as {@code layer 1 (Sigmoid).forward}
     * @param epoch the epoch, from 0 (as in the listener events)
     * @param batch the batch within the epoch, from 0, or {@link #NO_BATCH}
     * @param parametersUpdated whether the parameters hold the values after the batch's update
     * @param cause what the plug-in threw
     */
    public TrainingException(String component, int epoch, int batch, boolean parametersUpdated, Throwable cause) {
        super(message(component, epoch, batch, parametersUpdated, cause), Objects.requireNonNull(cause, "cause"));
        this.component = Objects.requireNonNull(component, "component");
        this.epoch = epoch;
        this.batch = batch;
        this.parametersUpdated = parametersUpdated;
    }

    private static String message(String component, int epoch, int batch, boolean updated, Throwable cause) {
        String where = "epoch " + epoch + (batch == NO_BATCH ? "" : ", batch " + batch);
        String state = updated
                ? "every parameter holds its value after the last completed update"
                : "every parameter holds its value from before this batch; its update was not applied";
        return "training failed at " + where + ": " + component + " threw " + cause.getClass().getSimpleName()
                + ": " + cause.getMessage() + " (" + state + ")";
    }

    /** @return the plug-in and method that threw, such as {@code listener 0 (CheckpointListener).onEpochEnd} */
    public String component() {
        return component;
    }

    /** @return the epoch in which training failed, from 0 */
    public int epoch() {
        return epoch;
    }

    /** @return the batch in which training failed, from 0, or {@link #NO_BATCH} */
    public int batch() {
        return batch;
    }

    /**
     * @return {@code true} if the parameters hold their values from after the failed batch's update (a listener
     *     or the validation failed), {@code false} if they hold those from before it
     */
    public boolean parametersUpdated() {
        return parametersUpdated;
    }
}
