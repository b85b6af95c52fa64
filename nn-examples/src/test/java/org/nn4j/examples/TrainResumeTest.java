package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.examples.cli.ErrorHandlers;
import org.nn4j.io.checkpoint.Checkpoints;
import picocli.CommandLine;

/**
 * {@code train --checkpoint-dir} and {@code --resume}: 12 epochs in one go, and 5 epochs then a resumed run to 12,
 * write byte-identical final checkpoints and print the same accuracies.
 */
class TrainResumeTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = ErrorHandlers.install(new CommandLine(new TrainCommand(new PrintStream(out, true,
                StandardCharsets.UTF_8), errStream))).setErr(new PrintWriter(errStream, true))
                .execute(args.toArray(String[]::new));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two noisy classes in three features, 200 rows. */
    private Path csv() throws IOException {
        NumpyRandom random = new NumpyRandom(9);
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 200; i++) {
            int c = random.nextInt(2);
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s%n", 2 * c + random.nextGaussian(),
                    random.nextGaussian(), -2 * c + random.nextGaussian(), c == 0 ? "no" : "yes"));
        }
        return Files.writeString(dir.resolve("data.csv"), csv, StandardCharsets.UTF_8);
    }

    private List<String> args(Path data, Path checkpoints, int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--label", "label", "--hidden", "6",
                "--epochs", String.valueOf(epochs), "--batch-size", "16", "--optimizer", "adam", "--log-every", "1",
                "--checkpoint-dir", checkpoints.toString(), "--checkpoint-every", "2"));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> lines(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void fiveEpochsThenResumeToTwelveEqualsTwelveInOneGo() throws IOException {
        Path data = csv();
        Path oneGo = dir.resolve("one-go");
        Path split = dir.resolve("split");
        Result full = run(args(data, oneGo, 12));
        assertEquals(0, full.status(), full.err());
        Result first = run(args(data, split, 5));
        assertEquals(0, first.status(), first.err());
        assertEquals(5, Checkpoints.epochOf(Checkpoints.newest(split).orElseThrow()));
        Result resumed = run(args(data, split, 12, "--resume"));
        assertEquals(0, resumed.status(), resumed.err());

        assertTrue(resumed.out().contains("Resumed from " + split.resolve(Checkpoints.fileName(5))
                + " after epoch 5"), resumed.out());
        assertArrayEquals(Files.readAllBytes(oneGo.resolve(Checkpoints.fileName(12))),
                Files.readAllBytes(split.resolve(Checkpoints.fileName(12))));
        assertEquals(lines(full.out(), "train accuracy"), lines(resumed.out(), "train accuracy"));
        assertEquals(lines(full.out(), "test accuracy"), lines(resumed.out(), "test accuracy"));
        // every(2) writes 2, 4, 6, 8, 10 and 12 (the end); the newest 3 remain.
        assertEquals(List.of(10L, 12L), Checkpoints.list(oneGo).stream().map(Checkpoints::epochOf).toList()
                .subList(1, 3));
    }

    @Test
    void resumeWithoutACheckpointSaysSo() throws IOException {
        Result r = run(args(csv(), dir.resolve("empty"), 3, "--resume"));
        assertEquals(2, r.status());
        assertEquals("nn4j train: --resume: no checkpoint in " + dir.resolve("empty") + System.lineSeparator(), r.err());
    }

    @Test
    void aCheckpointDirectoryThatCannotBeWrittenIsOneLineAndStatus2() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Result r = run(args(csv(), file, 3));
        assertEquals(2, r.status());
        assertEquals("train: --checkpoint-dir " + file + ": is a file, expected a directory\n", r.err());
        assertEquals("", r.out(), "refused before reading the data or training");
    }

    @Test
    void aFreshRunIntoAnotherRunsCheckpointsIsRefusedAndTouchesNothing() throws IOException {
        Path data = csv();
        Path shared = dir.resolve("shared");
        assertEquals(0, run(args(data, shared, 6)).status());
        List<Path> before = Checkpoints.list(shared);
        byte[] newest = Files.readAllBytes(before.get(before.size() - 1));

        Result r = run(args(data, shared, 3, "--seed", "5"));

        assertEquals(2, r.status());
        assertEquals("train: --checkpoint-dir " + shared + " already holds 3 checkpoint(s) of an earlier run (newest"
                + " checkpoint-00000006.json); add --resume to continue that run, or give a new or empty directory\n",
                r.err());
        assertEquals("", r.out(), "refused before reading the data or training");
        assertEquals(before, Checkpoints.list(shared));
        assertArrayEquals(newest, Files.readAllBytes(before.get(before.size() - 1)));
        assertEquals(0, run(args(data, shared, 8, "--resume")).status(), "--resume still continues that run");
    }

    @Test
    void resumeNeedsACheckpointDirectory() throws IOException {
        Result r = run(List.of("--data", csv().toString(), "--label", "label", "--resume"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--resume needs --checkpoint-dir"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }
}
