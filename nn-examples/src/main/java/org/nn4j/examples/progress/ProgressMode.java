package org.nn4j.examples.progress;

import java.util.Locale;

/** How training progress is shown. */
public enum ProgressMode {
    /** A bar when the output is a terminal, log lines when it is not. */
    AUTO,
    /** A progress bar with epoch, loss and estimated time left (control characters: for terminals). */
    BAR,
    /** Plain {@code Epoch i, Loss: x} lines every few epochs (for logs, pipes and files). */
    LOG,
    /** Nothing. */
    NONE;

    /**
     * Decides what {@link #AUTO} means here.
     *
     * @param outputIsTerminal whether standard output is a terminal
     * @return {@link #BAR} or {@link #LOG} for {@link #AUTO}; this mode otherwise
     */
    public ProgressMode resolve(boolean outputIsTerminal) {
        if (this != AUTO) {
            return this;
        }
        return outputIsTerminal ? BAR : LOG;
    }

    /** @return the name as typed on the command line: {@code auto}, {@code bar}, {@code log}, {@code none} */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
