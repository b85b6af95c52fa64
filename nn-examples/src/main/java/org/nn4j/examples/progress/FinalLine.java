package org.nn4j.examples.progress;

import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress-bar consumer that draws nothing once it is closed. The library redraws the bar from a timer thread;
 * a redraw that lands just after {@code close()} has ended the line would draw the final bar a second time, on a
 * line of its own. Here closing and drawing take turns, and a draw after the close is dropped.
 */
final class FinalLine implements ProgressBarConsumer {

    private final ProgressBarConsumer delegate;
    private boolean closed;

    /** @param delegate the consumer that writes to the terminal */
    FinalLine(ProgressBarConsumer delegate) {
        this.delegate = delegate;
    }

    @Override
    public int getMaxRenderedLength() {
        return delegate.getMaxRenderedLength();
    }

    @Override
    public synchronized void accept(String rendered) {
        if (!closed) {
            delegate.accept(rendered);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            delegate.close();
        }
    }
}
