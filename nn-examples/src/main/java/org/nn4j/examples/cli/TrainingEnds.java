package org.nn4j.examples.cli;

import java.io.PrintStream;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingHistory;

/**
 * How a training command tells the user that training stopped before its last epoch: one line on standard error
 * with the reason and the epoch, such as
 * <pre>
 *   nn4j xor: training stopped early: loss is NaN at epoch 3
 * </pre>
 * A model whose last loss is not a finite number, or one of whose parameters is NaN or infinite (the trainer stops
 * at the first such step), is unusable: the command then shows no predictions and exits with status
 * {@value #DIVERGED}. Early stopping leaves a usable model: the command goes on.
 */
public final class TrainingEnds {

    /** Exit status for a run whose training diverged (NaN or infinite loss). */
    public static final int DIVERGED = 3;

    private TrainingEnds() {
    }

    /**
     * Reports an early stop, if there was one.
     *
     * @param err standard error
     * @param command the command's name, such as {@code xor}
     * @param history what training recorded
     * @param model the trained model, whose parameters are checked
     * @return true if the model is unusable and the command must exit with {@link #DIVERGED}
     */
    public static boolean reportStop(PrintStream err, String command, TrainingHistory history, Sequential model) {
        history.stopReason().ifPresent(reason -> err.println("nn4j " + command + ": training stopped early: "
                + reason));
        boolean lossDiverged = history.epochs() > 0 && !Double.isFinite(history.finalLoss());
        boolean parametersDiverged = model.parameters().values().stream().anyMatch(p -> !p.value().isFinite());
        if (lossDiverged || parametersDiverged) {
            err.println("nn4j " + command + ": the model is unusable ("
                    + (lossDiverged ? "its loss is " + history.finalLoss() : "a parameter is NaN or infinite")
                    + "); try a smaller --learning-rate");
        }
        err.flush();
        return lossDiverged || parametersDiverged;
    }
}
