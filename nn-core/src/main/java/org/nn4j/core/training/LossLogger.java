package org.nn4j.core.training;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Map;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.text.Decimals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the training loss every {@code every} epochs through SLF4J at INFO level, in the blog's words:
 * <pre>
 *   Epoch 0, Loss: 0.2733
 *   Epoch 100, Loss: 0.2623
 * </pre>
 * Epochs are counted from 0 and logged when {@code epoch % every == 0}, as the blog's
 * {@code if i % 100 == 0} does. The loss is printed with four decimals, rounded as Python rounds. Any further
 * metrics of the epoch (validation loss, accuracy) follow on the same line as {@code , name: value}.
 */
public final class LossLogger implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(LossLogger.class);

    private final int every;

    /**
     * @param every log every this many epochs, at least 1
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public LossLogger(int every) {
        checkArgument(every > 0, "LossLogger: every must be positive, got %s", every);
        this.every = every;
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        if (event.epoch() % every == 0 && LOG.isInfoEnabled()) {
            LOG.info(format(event));
        }
    }

    /**
     * @param event an epoch's end
     * @return the line this logger writes for it
     */
    public static String format(EpochEnd event) {
        StringBuilder line = new StringBuilder("Epoch ").append(event.epoch())
                .append(", Loss: ").append(Decimals.fixed(event.loss(), 4));
        for (Map.Entry<String, Double> metric : event.metrics().entrySet()) {
            line.append(", ").append(metric.getKey()).append(": ").append(Decimals.fixed(metric.getValue(), 4));
        }
        return line.toString();
    }

    /** @return the logging interval in epochs */
    public int every() {
        return every;
    }
}
