package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar in a real 80-column terminal: a detached tmux session runs the jar, and {@code capture-pane}
 * reads the screen as a user would see it. Skipped where tmux is not installed.
 */
class ProgressBarTerminalIT {

    private static final String SESSION = "nn4j-bar-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", SESSION);
    }

    @Test
    void theFinalBarIsDrawnOnceAndItsLossIsNeverCut() throws Exception {
        start("spirals --epochs 300 2>/dev/null; echo EXIT=$?");
        List<String> screen = waitFor("EXIT=", 120);
        List<String> bars = screen.stream().filter(l -> l.startsWith("Training ")).toList();
        assertEquals(1, bars.size(), String.join("\n", screen));
        String bar = bars.get(0);
        assertTrue(bar.length() <= 80, bar);
        assertTrue(bar.startsWith("Training 100%"), bar);
        // the line ends with a whole loss: four decimals, or three significant digits in exponent form
        assertTrue(bar.strip().matches(".*loss \\d+\\.\\d{4}(, val_loss \\d+\\.\\d{4})?|.*\\d\\.\\d\\de-\\d\\d"), bar);
        assertTrue(screen.contains("EXIT=0"), String.join("\n", screen));
    }

    @Test
    void ctrlCLeavesTheCursorOnAFreshLineAndSaysWhereTrainingStopped() throws Exception {
        start("xor --epochs 2000000000; echo EXIT=$?");
        waitFor("Training ", 60);
        Thread.sleep(1500);
        tmux("send-keys", "-t", SESSION, "C-c");
        List<String> screen = waitFor("EXIT=", 60);
        String text = String.join("\n", screen);
        assertTrue(screen.stream().anyMatch(l -> l.matches("nn4j xor: interrupted after epoch \\d+ of 2000000000")),
                text);
        assertTrue(screen.contains("EXIT=130"), text);
    }

    private void start(String command) throws Exception {
        assumeTrue(tmux("-V") == 0, "tmux is not installed");
        String line = JarRunner.command(List.of()).stream().collect(Collectors.joining(" ")) + " " + command;
        Path script = dir.resolve("run.sh");
        // The shell traps SIGINT (a trap, not an ignore, so java still gets the default) and outlives the Ctrl-C.
        Files.writeString(script, "trap 'true' INT\ncd " + dir + "\n" + line + "\nsleep 600\n",
                StandardCharsets.UTF_8);
        assertEquals(0, tmux("new-session", "-d", "-s", SESSION, "-x", "80", "-y", "50", "sh " + script));
    }

    /** Polls the pane until a line starts with the text; returns the screen's lines without trailing blanks. */
    private List<String> waitFor(String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> screen = List.of();
        while (System.nanoTime() < end) {
            screen = capture();
            if (screen.stream().anyMatch(l -> l.startsWith(text))) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line starting with " + text + " in:\n" + String.join("\n", screen));
    }

    private List<String> capture() throws IOException, InterruptedException {
        Path file = dir.resolve("pane.txt");
        new ProcessBuilder("tmux", "capture-pane", "-p", "-t", SESSION).redirectOutput(file.toFile())
                .redirectErrorStream(true).start().waitFor();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1;   // no tmux binary: the test is skipped by its assumption
        }
    }
}
