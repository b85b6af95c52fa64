package org.nn4j.examples;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterAttachableImpl;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * The examples' Logback appender: each event's message, as a line on standard output. It prints what a
 * {@code ConsoleAppender} with the pattern {@code %msg%n} prints, so {@code Epoch 0, Loss: 0.2522} reads exactly as
 * the blog's line.
 *
 * <p>Why not {@code ConsoleAppender}: its layout, encoder, output-stream appender, console target, re-entry guards
 * and status messages are about twenty classes that the JVM loads and checks at every start, for a job this class
 * does in one method; in the {@code xor} example that was a fifth of the logging set-up's time. Like
 * {@code ConsoleAppender}, it looks {@code System.out} up at every event (so {@link System#setOut} redirects it),
 * writes each line with a single call (so lines from several threads never interleave within a line), and applies
 * any filters attached to it.
 */
final class MessageLines extends ContextAwareBase implements Appender<ILoggingEvent> {

    private final FilterAttachableImpl<ILoggingEvent> filters = new FilterAttachableImpl<>();
    private volatile String name;
    private volatile boolean started;

    @Override
    public void doAppend(ILoggingEvent event) {
        if (started && filters.getFilterChainDecision(event) != FilterReply.DENY) {
            System.out.print(event.getFormattedMessage() + System.lineSeparator());
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public void addFilter(Filter<ILoggingEvent> filter) {
        filters.addFilter(filter);
    }

    @Override
    public void clearAllFilters() {
        filters.clearAllFilters();
    }

    @Override
    public List<Filter<ILoggingEvent>> getCopyOfAttachedFiltersList() {
        return filters.getCopyOfAttachedFiltersList();
    }

    @Override
    public FilterReply getFilterChainDecision(ILoggingEvent event) {
        return filters.getFilterChainDecision(event);
    }
}
