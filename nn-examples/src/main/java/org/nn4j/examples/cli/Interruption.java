package org.nn4j.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.io.checkpoint.Checkpoints;

/**
 * What Ctrl-C prints while a command trains: one line on standard error saying where training stopped, and which
 * checkpoint holds it when the run writes checkpoints:
 * <pre>
 *   ^C
 *   nn4j train: interrupted after epoch 37 of 50; the newest checkpoint is ckpt/checkpoint-00000037.json
 * </pre>
 * The JVM runs this hook on SIGINT and then exits with status 130 (128 + SIGINT), as shells expect. A progress bar
 * leaves the cursor at the end of its line, so the hook closes it first, which ends its line. Use it in try-with-resources
 * around {@code fit}: closing removes the hook, so a finished run prints nothing.
 */
public final class Interruption implements TrainingListener, AutoCloseable {

    private final PrintStream out;
    private final PrintStream err;
    private final String command;
    private final Path checkpointDir;
    private final Thread hook;
    private final List<TrainingListener> progress;
    private volatile long epochsDone;
    private volatile long epochs;

    private Interruption(PrintStream out, PrintStream err, String command, Path checkpointDir, long initialEpoch,
            List<TrainingListener> progress) {
        this.progress = List.copyOf(progress);
        this.out = out;
        this.err = err;
        this.command = command;
        this.checkpointDir = checkpointDir;
        this.epochsDone = initialEpoch;
        this.hook = new Thread(this::report, "nn4j-interrupt");
    }

    /**
     * Installs the hook until {@link #close()}.
     *
     * @param out standard output, where a progress bar may be drawn
     * @param err standard error, for the line
     * @param command the command's name, such as {@code train}
     * @param checkpointDir the run's checkpoint directory, or {@code null}
     * @param initialEpoch the epochs already done when training starts (a resumed run)
     * @param progress the run's progress listeners; those that are {@link AutoCloseable} (a progress bar) are
     *     closed before the line is printed
     * @return the listener to add to the training run
     */
    public static Interruption install(PrintStream out, PrintStream err, String command, Path checkpointDir,
            long initialEpoch, List<TrainingListener> progress) {
        Interruption interruption = new Interruption(out, err, command, checkpointDir, initialEpoch, progress);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        epochsDone = event.epoch() + 1L;
        epochs = event.epochs();
    }

    private void report() {
        // A progress bar is closed first: its line ends, and its timer cannot draw over the line below.
        for (TrainingListener listener : progress) {
            if (listener instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    out.println();   // the bar could not end its line: start a fresh one ourselves
                }
            }
        }
        out.flush();
        String where = epochsDone == 0 ? "before the first epoch ended"
                : "after epoch " + epochsDone + (epochs > 0 ? " of " + epochs : "");
        err.println("nn4j " + command + ": interrupted " + where + checkpoint());
        err.flush();
    }

    private String checkpoint() {
        if (checkpointDir == null) {
            return "";
        }
        try {
            Optional<Path> newest = Checkpoints.newest(checkpointDir);
            return newest.map(p -> "; the newest checkpoint is " + p).orElse("; no checkpoint written yet");
        } catch (IOException e) {
            return "; cannot list " + checkpointDir;
        }
    }

    /** Removes the hook: training ended without an interruption. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and says where training stopped.
        }
    }
}
