package org.nn4j.examples.progress;

import org.slf4j.LoggerFactory;

/**
 * SLF4J's start, and with it Logback's set-up, on a thread of its own: the program builds its network and starts
 * training meanwhile, and {@link #await()} waits for it before the first log line.
 *
 * <p>Why: in the {@code xor} example, loading and starting SLF4J and Logback takes about as long as everything the
 * program does before its first {@code Epoch 0} line (building the network, loading the training loop, the first
 * epoch); on a machine with a second core the two now overlap. Nothing is logged on the starting thread, and the
 * first line is written only after {@link #await()} returns, so the output and its order are what they were.
 */
public final class LoggingStart {

    private final Thread thread;

    private LoggingStart(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts SLF4J on a new daemon thread (a no-op there if it has started already).
     *
     * @return the start, to {@link #await()} before logging
     */
    public static LoggingStart begin() {
        return begin(new Starter());
    }

    /**
     * @param start what starting the logging means (the tests' stand-ins)
     * @return the start of {@code start} on a new daemon thread
     */
    static LoggingStart begin(Runnable start) {
        Thread thread = new Thread(start, "nn4j-logging-start");
        thread.setDaemon(true);
        thread.start();
        return new LoggingStart(thread);
    }

    /**
     * Waits until SLF4J has started (or failed to start, which SLF4J reports itself on standard error). An
     * interrupt does not cut the wait short; it is kept for the caller to see.
     */
    public void await() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks SLF4J for its logger factory, which makes it find its provider and set Logback up. */
    private static final class Starter implements Runnable {
        @Override
        public void run() {
            LoggerFactory.getILoggerFactory();
        }
    }
}
