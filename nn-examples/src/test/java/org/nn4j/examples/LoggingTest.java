package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' logging: {@link LoggingProvider} sets Logback up as {@link ExamplesLogging} says (bare messages on
 * standard output, {@code org.nn4j} at INFO, the rest at WARN), unless {@code -Dlogback.configurationFile} names a
 * file, which then configures Logback as usual.
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
        assertInstanceOf(MessageLines.class, root.getAppender("STDOUT"));
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
    void messageLinesPrintsEachMessageAsALineOnTheCurrentStandardOutputUnlessFilteredOrStopped() {
        LoggerContext context = new LoggerContext();
        MessageLines lines = new MessageLines();
        lines.setContext(context);
        lines.setName("lines");
        Logger logger = context.getLogger("org.nn4j.Test");
        logger.setAdditive(false);
        logger.addAppender(lines);

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            logger.info("before start");
            lines.start();
            logger.info("Epoch {}, Loss: {}", 100, "0.2500");
            lines.addFilter(new Filter<>() {
                @Override
                public FilterReply decide(ILoggingEvent event) {
                    return event.getFormattedMessage().contains("secret") ? FilterReply.DENY : FilterReply.NEUTRAL;
                }
            });
            logger.info("a secret");
            logger.warn("a warning");
            lines.stop();
            logger.info("after stop");
        } finally {
            System.setOut(original);
        }
        String nl = System.lineSeparator();
        assertEquals("Epoch 100, Loss: 0.2500" + nl + "a warning" + nl, out.toString(StandardCharsets.UTF_8));
        assertEquals("lines", lines.getName());
        assertEquals(1, lines.getCopyOfAttachedFiltersList().size());
        lines.clearAllFilters();
        assertEquals(List.of(), lines.getCopyOfAttachedFiltersList());
    }

    @Test
    void aConfigurationFileStillWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logback.xml");
        Files.writeString(file, "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<encoder><pattern>%level %logger{0} %msg%n</pattern></encoder></appender>"
                + "<root level=\"INFO\"><appender-ref ref=\"OUT\"/></root></configuration>");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + file, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "xor", "--epochs", "1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "xor did not finish");
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("\nINFO LossLogger Epoch 0, Loss: 0.2522\n"), out);
    }
}
