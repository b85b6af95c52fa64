package org.nn4j.io.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;

/**
 * Kills a training JVM with SIGKILL at random moments, again and again, and checks after every kill that the
 * newest checkpoint loads and that the next run resumes from it. At the end, the newest checkpoint must be
 * bit-identical to training the same number of epochs in one go, in this JVM: the kills and resumes lost nothing
 * and changed nothing.
 */
class KillTest {

    private static final int KILLS = 25;

    @TempDir
    Path root;

    private Path directory;
    private Path childErrors;

    @Test
    void theNewestCheckpointAlwaysLoadsAndResumesAfterSigkill() throws Exception {
        directory = root.resolve("checkpoints");
        childErrors = root.resolve("child-stderr.txt");
        ModelFormat format = ModelFormat.standard();
        NumpyRandom moments = new NumpyRandom(2026);
        long startNanos = System.nanoTime();
        int resumes = 0;
        int loads = 0;
        int staleTemporaryFiles = 0;
        List<Long> epochsAtKill = new ArrayList<>();
        for (int run = 0; run < KILLS; run++) {
            Optional<Path> before = Checkpoints.newest(directory);
            Process child = start();
            String first;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                first = out.readLine();
                assertTrue(first != null, () -> "the child printed nothing; its stderr: " + errors());
                if (before.isPresent()) {
                    assertEquals("RESUMED " + Checkpoints.epochOf(before.get()), first,
                            "run " + run + " must resume from " + before.get().getFileName());
                    resumes++;
                } else {
                    assertEquals("FRESH", first, "run " + run);
                    // Nothing to resume from yet: let the first checkpoint appear before the random kill, so that
                    // how fast this machine starts a JVM and trains an epoch decides nothing (under load that took
                    // longer than the whole kill window, and the first runs then never checkpointed).
                    awaitFirstCheckpoint(child);
                }
                // A random moment while it trains and writes checkpoints: 50 to 650 ms from now.
                Thread.sleep(50 + (long) (600 * moments.nextDouble()));
                child.destroyForcibly();   // SIGKILL on Linux and macOS: no shutdown hooks, no flushing
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
            staleTemporaryFiles += countTemporaryFiles();
            Optional<Path> newest = Checkpoints.newest(directory);
            if (newest.isPresent()) {
                Checkpoint checkpoint = format.loadCheckpoint(newest.get());
                long epochs = Checkpoints.epochsCompleted(checkpoint);
                assertEquals(Checkpoints.epochOf(newest.get()), epochs);
                checkpoint.model().parameters().values().forEach(p -> assertTrue(p.value().isFinite()));
                epochsAtKill.add(epochs);
                loads++;
            }
        }
        System.out.printf("KillTest: %d SIGKILLs, %d newest checkpoints loaded, %d resumes checked, %d kills left a"
                + " temporary file of a write in progress, epochs at each kill %s, %.1f s%n", KILLS, loads, resumes,
                staleTemporaryFiles, epochsAtKill, (System.nanoTime() - startNanos) / 1e9);
        // The first run is killed only after its first checkpoint exists: from then on every run must find, load
        // and resume from the newest checkpoint.
        assertEquals(KILLS, loads, "a checkpoint loaded after every kill");
        assertEquals(KILLS - 1, resumes, "every run after the first resumed");
        for (int i = 1; i < epochsAtKill.size(); i++) {
            assertTrue(epochsAtKill.get(i) >= epochsAtKill.get(i - 1), "training never goes back: " + epochsAtKill);
        }

        // Everything the kills left: the newest checkpoint equals an uninterrupted run of as many epochs.
        Path newest = Checkpoints.newest(directory).orElseThrow();
        Checkpoint checkpoint = format.loadCheckpoint(newest);
        int epochs = Checkpoints.epochsCompleted(checkpoint);
        Sequential uninterrupted = TrainingChild.model();
        Matrix[] data = TrainingChild.data();
        uninterrupted.fit(data[0], data[1], TrainingChild.config(epochs, 0).build());
        uninterrupted.parameters().forEach((path, p) ->
                assertEquals(p.value(), checkpoint.model().parameters().get(path).value(), path));
        assertEquals(uninterrupted.optimizer().state(), checkpoint.model().optimizer().state());
        assertEquals(((NumpyRandom) uninterrupted.random()).state(), ((NumpyRandom) checkpoint.model().random())
                .state());
        assertTrue(Checkpoints.list(directory).size() <= 3 + 1, "keeps the newest 3 (one more if killed between"
                + " writing and pruning)");
    }

    /** Waits (up to two minutes) until the child has written its first checkpoint, failing if it dies first. */
    private void awaitFirstCheckpoint(Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (Checkpoints.newest(directory).isEmpty()) {
            assertTrue(child.isAlive(), () -> "the child died before its first checkpoint; its stderr: " + errors());
            assertTrue(System.nanoTime() < deadline, "no checkpoint within two minutes of the child's start");
            Thread.sleep(5);
        }
    }

    private Process start() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TrainingChild.class.getName(), directory.toString());
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(childErrors.toFile()))
                .start();
    }

    private String errors() {
        try {
            return Files.readString(childErrors);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private int countTemporaryFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
