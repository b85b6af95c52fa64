package org.nn4j.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The examples' logging set-up, in code: every message from {@code org.nn4j} at INFO and above, printed as the bare
 * message on standard output by {@code MessageLines} (so {@code Epoch 0, Loss: 0.2522} reads exactly as the blog's
 * line); everything else at WARN. Logback finds this class through {@code META-INF/services} before it looks for an
 * XML file; doing it in code skips the XML parser and pattern compiler, about a third of the {@code xor} example's
 * start-up. The command line goes one step further: its {@link LoggingProvider} runs this configuration without
 * Logback's search for one.
 *
 * <p>A {@code -Dlogback.configurationFile=...} on the command line still wins: then this class steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ExamplesLogging extends ContextAwareBase implements Configurator {

    /** Created by logback's service loader. */
    public ExamplesLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        MessageLines console = new MessageLines();
        console.setContext(context);
        console.setName("STDOUT");
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("org.nn4j").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
