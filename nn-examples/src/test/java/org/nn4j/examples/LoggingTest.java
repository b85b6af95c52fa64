package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The examples' logging: {@link LoggingProvider} sets Logback up as {@link ExamplesLogging} says (bare messages on
 * standard output, {@code org.nn4j} at INFO, the rest at WARN), and {@link SystemLoggers} carries the JDK's
 * {@code System.Logger} messages (nn-api's) into the same Logback.
 */
class LoggingTest {

    @Test
    void theProviderConfiguresLogbackAsTheExamplesDo() {
        LoggingProvider provider = new LoggingProvider();
        provider.initialize();
        LoggerContext context = assertInstanceOf(LoggerContext.class, provider.getLoggerFactory());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        assertEquals(Level.WARN, root.getLevel());
        assertEquals(Level.INFO, context.getLogger("org.nn4j").getLevel());
        assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        assertTrue(context.isStarted());
        assertSame(provider.getMDCAdapter(), context.getMDCAdapter());

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            context.getLogger("org.nn4j.core.training.LossLogger").info("Epoch {}, Loss: {}", 0, "0.2522");
            context.getLogger("org.nn4j.core.training.LossLogger").debug("not shown");
            context.getLogger("com.example.Other").info("not shown either");
        } finally {
            System.setOut(original);
        }
        assertEquals("Epoch 0, Loss: 0.2522" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        context.stop();
    }

    @Test
    void theJdkFindsTheBridge() {
        assertInstanceOf(SystemLoggers.class, System.LoggerFinder.getLoggerFinder());
    }

    @Test
    void systemLoggerMessagesReachLogbackWithTheirLevelsAndParameters() {
        String name = "org.nn4j.examples.LoggingTest.bridge";
        Logger target = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        target.addAppender(events);
        target.setLevel(Level.INFO);
        target.setAdditive(false);
        try {
            System.Logger logger = new SystemLoggers().getLogger(name, LoggingTest.class.getModule());
            IOException problem = new IOException("disk full");

            assertEquals(name, logger.getName());
            assertFalse(logger.isLoggable(System.Logger.Level.DEBUG));
            assertTrue(logger.isLoggable(System.Logger.Level.INFO));
            assertFalse(logger.isLoggable(System.Logger.Level.OFF));
            logger.log(System.Logger.Level.DEBUG, "products: {0}", "hidden");
            logger.log(System.Logger.Level.INFO, "products: {0}, up to {1} threads", "scalar", 2);
            logger.log(System.Logger.Level.WARNING, "could not write", problem);
            logger.log(System.Logger.Level.ERROR, () -> "from a supplier");
            logger.log(System.Logger.Level.INFO, "braces {0} stay when there are no parameters");

            List<ILoggingEvent> logged = events.list;
            assertEquals(4, logged.size(), logged.toString());
            assertEquals(Level.INFO, logged.get(0).getLevel());
            assertEquals("products: scalar, up to 2 threads", logged.get(0).getFormattedMessage());
            assertEquals(Level.WARN, logged.get(1).getLevel());
            assertEquals("could not write", logged.get(1).getFormattedMessage());
            assertEquals("disk full", logged.get(1).getThrowableProxy().getMessage());
            assertEquals(Level.ERROR, logged.get(2).getLevel());
            assertEquals("from a supplier", logged.get(2).getFormattedMessage());
            assertEquals("braces {0} stay when there are no parameters", logged.get(3).getFormattedMessage());
        } finally {
            target.detachAppender(events);
            target.setLevel(null);
            target.setAdditive(true);
        }
    }
}
