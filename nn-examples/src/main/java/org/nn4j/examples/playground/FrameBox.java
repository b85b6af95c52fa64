package org.nn4j.examples.playground;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Where a session's training thread leaves its newest {@link Frame} and where the event streams wait for it: the only
 * thing the two kinds of thread share. Publishing never waits for a stream, so a page that stops reading cannot slow
 * training down; a stream that falls behind skips to the newest frame.
 */
final class FrameBox {

    private Frame frame;
    private long version;
    private boolean closed;

    /**
     * Replaces the frame.
     *
     * @param next makes the frame from its version number, which counts up from 1
     */
    synchronized void publish(LongFunction<Frame> next) {
        version++;
        frame = next.apply(version);
        notifyAll();
    }

    /**
     * Waits for a frame newer than the one a stream sent last.
     *
     * @param seen the version sent last, 0 for none
     * @param millis the longest wait
     * @return the newest frame, or empty if none came in time, the box was woken or it closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    synchronized Optional<Frame> awaitNewer(long seen, long millis) throws InterruptedException {
        if (!closed && (frame == null || frame.version() <= seen)) {
            wait(millis);
        }
        return closed || frame == null || frame.version() <= seen ? Optional.empty() : Optional.of(frame);
    }

    /** Wakes every waiting stream, so that each checks whether it should still run. */
    synchronized void wake() {
        notifyAll();
    }

    /** Ends every wait, now and later. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
