package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plain {@code xor} process leaves out to start quickly, checked with the JVM's class-loading log rather
 * than a clock: no picocli (the quick way parses the options), no annotation proxies and no time-zone database
 * (Logback is set up without its configuration search), no console appender, encoder or pattern layout (the examples'
 * own appender prints the messages), nothing for pictures, JSON or progress bars. It still prints the blog's lines,
 * through Logback, and none of nn4j's own lambdas runs.
 */
class StartUpTest {

    @TempDir
    Path dir;

    @Test
    void thePlainXorRunLoadsNeitherPicocliNorLogbacksSearchNorPlotting() throws Exception {
        Path classes = dir.resolve("classes.txt");
        Path out = dir.resolve("out.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "xor");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "xor did not finish");
        assertEquals(0, process.exitValue());

        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(printed.contains("Epoch 900, Loss: 0.2417"), printed);
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" ch.qos.logback.classic.LoggerContext ")),
                "Logback was not used");
        for (String unwanted : List.of(" picocli.", " jdk.proxy", " java.time.zone.",
                " org.knowm.xchart.", " tools.jackson.", " me.tongfei.", " ch.qos.logback.core.ConsoleAppender ",
                " ch.qos.logback.core.encoder.", " ch.qos.logback.core.pattern.")) {
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains(unwanted)).toList(), unwanted);
        }
        // No lambda of nn4j's own runs: the first one a program calls spins a class at run time (and, in a JVM that
        // has not used lambdas yet, starts the machinery behind them). The training path is written with loops,
        // and Sgd's step is a small class.
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" org.nn4j.") && l.contains("$$Lambda"))
                .toList(), "nn4j lambdas on the plain xor path");
    }
}
