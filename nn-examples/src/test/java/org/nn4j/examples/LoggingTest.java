package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The examples' logging, as {@code logback.xml} sets it up: INFO messages from {@code org.nn4j} as bare lines on
 * standard output (so {@code Epoch 0, Loss: 0.2522} reads exactly as the blog's line), warnings and errors from any
 * logger on standard error, nothing else; {@code -Dlogback.configurationFile} replaces it as usual.
 */
class LoggingTest {

    @Test
    void nn4jInfoIsABareLineOnStandardOutputAndWarningsGoToStandardError() {
        LoggerContext context = assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
        assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.INFO, context.getLogger("org.nn4j").getLevel());

        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Logger lossLogger = LoggerFactory.getLogger("org.nn4j.core.training.LossLogger");
            lossLogger.info("Epoch {}, Loss: {}", 0, "0.2522");
            lossLogger.debug("not shown");
            lossLogger.warn("a warning from nn4j");
            Logger other = LoggerFactory.getLogger("com.example.Other");
            other.info("not shown either");
            other.error("an error from elsewhere");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String nl = System.lineSeparator();
        assertEquals("Epoch 0, Loss: 0.2522" + nl, out.toString(StandardCharsets.UTF_8));
        assertEquals("WARN org.nn4j.core.training.LossLogger: a warning from nn4j" + nl
                + "ERROR com.example.Other: an error from elsewhere" + nl, err.toString(StandardCharsets.UTF_8));
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
