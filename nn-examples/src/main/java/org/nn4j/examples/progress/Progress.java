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
        return switch (mode) {
            case NONE -> List.of();
            case BAR -> List.of(new ProgressBarListener(out));
            default -> List.of(new LossLogger(logEvery));
        };
    }
}
