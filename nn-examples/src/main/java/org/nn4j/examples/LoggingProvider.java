package org.nn4j.examples;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.Util;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The examples' SLF4J provider: Logback, configured by {@link ExamplesLogging} directly. {@link Main} names it in
 * the {@code slf4j.provider} system property (unless that is already set), so the command line's log lines, the
 * {@code Epoch i, Loss: x} lines among them, are Logback's as before.
 *
 * <p>Why not Logback's own provider: before it runs a configurator, Logback checks its version (reading two
 * property files and formatting with regular expressions), looks configurators up through the service loader, reads
 * their {@code @ConfiguratorRank} annotations (the JVM generates a proxy class for each) and builds several status
 * messages; then, to print any warnings, it loads a date formatter and with it the time-zone database. For the
 * {@code xor} example that took longer than its 1000 training epochs. This provider builds the same
 * {@link LoggerContext}, runs {@link ExamplesLogging} on it and starts it.
 *
 * <p>With {@code -Dlogback.configurationFile=FILE} it hands over to Logback's usual start-up, which reads the file.
 * Warnings and errors from configuring are printed as Logback prints them.
 */
public final class LoggingProvider implements SLF4JServiceProvider {

    /** The SLF4J API version this provider implements (as Logback 1.5 declares it). */
    private static final String API_VERSION = "2.0.99";

    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    /** Created by SLF4J. */
    public LoggingProvider() {
    }

    @Override
    public void initialize() {
        context.setName("default");
        context.setMDCAdapter(mdc);
        if (System.getProperty("logback.configurationFile") != null) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                Util.report("Failed to auto configure default logger context", e);
            }
        } else {
            ExamplesLogging logging = new ExamplesLogging();
            logging.setContext(context);
            logging.configure(context);
        }
        // Logback's own provider prints every status once something went wrong; checking first keeps its date
        // formatter (and the time-zone database) unloaded when nothing did.
        boolean troubled = new StatusUtil(context).getHighestLevel(0) >= Status.WARN;
        if (troubled && !StatusUtil.contextHasStatusListener(context)) {
            StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return API_VERSION;
    }
}
