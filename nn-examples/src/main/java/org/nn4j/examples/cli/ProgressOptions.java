package org.nn4j.examples.cli;

import java.io.PrintStream;
import java.util.List;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.examples.progress.ProgressMode;
import org.nn4j.examples.progress.Progress;
import org.nn4j.examples.progress.Terminals;
import picocli.CommandLine.Option;

/**
 * How a training command shows its progress: {@code --progress}, {@code --quiet} and {@code --log-every}.
 *
 * <p>{@code auto} (the default) draws a progress bar when standard output is a terminal and writes plain
 * {@code Epoch i, Loss: x} lines every {@code --log-every} epochs when it is not (CI logs, pipes, files), never both;
 * {@code --quiet} shows neither.
 */
public final class ProgressOptions {

    @Option(names = "--progress", paramLabel = "MODE",
            description = "auto (a bar on a terminal, log lines otherwise), bar, log or none (default: ${DEFAULT-VALUE}).")
    private ProgressMode mode = ProgressMode.AUTO;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress at all (same as --progress none).")
    private boolean quiet;

    @Option(names = "--log-every", paramLabel = "N",
            description = "In log mode, print the loss every N epochs; 0 means about ten lines (default: ${DEFAULT-VALUE}).")
    private int logEvery;

    /** Log lines about ten times per run: used when picocli creates the mixin itself. */
    public ProgressOptions() {
        this(0);
    }

    /** @param logEvery the default logging interval in epochs, or 0 for about ten lines per run */
    public ProgressOptions(int logEvery) {
        this.logEvery = logEvery;
    }

    /**
     * Checks the values picocli parsed.
     *
     * @throws IllegalArgumentException if {@code --log-every} is negative
     */
    public void check() {
        if (logEvery < 0) {
            throw new IllegalArgumentException("--log-every must be 0 or more, got " + logEvery);
        }
    }

    /** @return the chosen mode, {@link ProgressMode#NONE} when {@code --quiet} was given */
    public ProgressMode mode() {
        return quiet ? ProgressMode.NONE : mode;
    }

    /** @return the logging interval in epochs as given, 0 meaning about ten lines per run */
    public int logEvery() {
        return logEvery;
    }

    /**
     * The listeners that show this run's progress on {@code out}.
     *
     * @param out where the bar is drawn (log lines go through SLF4J)
     * @param epochs how many epochs the run has, to choose an interval when {@code --log-every} is 0
     * @return no listener, a progress bar, or a loss logger
     */
    public List<TrainingListener> listeners(PrintStream out, int epochs) {
        int every = logEvery > 0 ? logEvery : Math.max(1, epochs / 10);
        return Progress.listeners(resolvedMode(), out, every);
    }

    private ProgressMode resolvedMode() {
        return mode().resolve(Terminals.isStandardOutputTerminal());
    }
}
