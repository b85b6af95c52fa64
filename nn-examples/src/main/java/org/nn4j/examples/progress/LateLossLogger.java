package org.nn4j.examples.progress;

import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.training.LossLogger;

/**
 * A {@link LossLogger} that comes into being at the first epoch's end, once the logging has started (see
 * {@link LoggingStart}): training starts while SLF4J and Logback are still being set up on another thread.
 *
 * <p>It forwards epoch ends, the only events a {@code LossLogger} reacts to, so it logs the same lines at the same
 * epochs. The {@code LossLogger} is made only after {@link LoggingStart#await()}: its class asks SLF4J for a logger
 * when it is first used, and asking while SLF4J was still starting on the other thread would hand it a stand-in.
 */
final class LateLossLogger implements TrainingListener {

    private final int every;
    private final LoggingStart logging;
    private LossLogger logger;

    /**
     * @param every log every this many epochs, at least 1
     * @param logging the logging's start, awaited at the first epoch's end
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    LateLossLogger(int every, LoggingStart logging) {
        if (every <= 0) {
            throw new IllegalArgumentException("LossLogger: every must be positive, got " + every);
        }
        this.every = every;
        this.logging = logging;
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        if (logger == null) {
            logging.await();
            logger = new LossLogger(every);
        }
        logger.onEpochEnd(event, control);
    }
}
