package org.nn4j.core.training;

import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;

/**
 * Stops training as soon as a batch's loss is NaN or infinite: once the loss has blown up the weights are
 * useless, and every further step only wastes time. The reason names the epoch, the batch and the value, such as
 * {@code loss is NaN at epoch 3, batch 7 (loss = NaN)}; it is reported in
 * {@link org.nn4j.api.training.TrainingEnd#stopReason()} and in the model's training history.
 *
 * <p>A validation loss that is not finite stops training too, at the end of that epoch.
 */
public final class StopOnNaN implements TrainingListener {

    /** Creates the (stateless) listener. */
    public StopOnNaN() {
    }

    @Override
    public void onBatchEnd(BatchEnd event, TrainingControl control) {
        double loss = event.loss();
        if (!Double.isFinite(loss)) {
            control.requestStop("loss is " + (Double.isNaN(loss) ? "NaN" : "infinite") + " at epoch "
                    + event.epoch() + ", batch " + event.batch() + " (loss = " + loss + ")");
        }
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        event.metric("val_loss").ifPresent(v -> {
            if (!Double.isFinite(v)) {
                control.requestStop("val_loss is " + v + " at epoch " + event.epoch());
            }
        });
    }
}
