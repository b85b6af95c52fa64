package org.nn4j.examples.progress;

import java.io.PrintStream;
import java.util.List;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.training.LossLogger;

/** Turns a resolved {@link ProgressMode} into the training listeners that show it. */
public final class Progress {

    private Progress() {
    }

    /**
     * @param mode the mode, already {@linkplain ProgressMode#resolve resolved} ({@code AUTO} is treated as log)
     * @param out where a progress bar is drawn
     * @param logEvery the interval of log lines, in epochs, at least 1
     * @return an empty list for {@code NONE}, a {@link ProgressBarListener} for {@code BAR}, a {@link LossLogger}
     *         otherwise: never both
     */
    public static List<TrainingListener> listeners(ProgressMode mode, PrintStream out, int logEvery) {
        return listeners(mode, out, logEvery, null);
    }

    /**
     * The same, for a run that started its logging early.
     *
     * @param mode the mode, already {@linkplain ProgressMode#resolve resolved} ({@code AUTO} is treated as log)
     * @param out where a progress bar is drawn
     * @param logEvery the interval of log lines, in epochs, at least 1
     * @param logging the logging's start if it was begun on another thread (the loss logger then waits for it at
     *        the first epoch's end), or null if logging is used as it is
     * @return an empty list for {@code NONE}, a {@link ProgressBarListener} for {@code BAR}, a {@link LossLogger}
     *         otherwise: never both
     */
    public static List<TrainingListener> listeners(ProgressMode mode, PrintStream out, int logEvery,
            LoggingStart logging) {
        switch (mode) {
            case NONE:
                return List.of();
            case BAR:
                return List.of(new ProgressBarListener(out));
            default:
                return List.of(logging == null ? new LossLogger(logEvery) : new LateLossLogger(logEvery, logging));
        }
    }
}
