package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;

/**
 * Issue 15, gap 6, through the built jar: ten pairs of {@code predict --output} runs started at once to one file
 * each leave exactly one run's complete output, both runs succeed, and no temporary file is left; a replaced output
 * keeps mode 600, and an output that is a symbolic link is written through (the link stays a link).
 */
class ConcurrentOutputIT {

    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    private Path points(String name, int seed) throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f%n", ((i * 37 + seed) % 1000) / 1000.0,
                    ((i * 91 + 7 * seed) % 1000) / 1000.0));
        }
        return Files.writeString(dir.resolve(name), csv, StandardCharsets.UTF_8);
    }

    private Process start(String log, String... args) throws Exception {
        return new ProcessBuilder(JarRunner.command(List.of(), args)).directory(dir.toFile())
                .redirectOutput(dir.resolve(log + ".out").toFile()).redirectError(dir.resolve(log + ".err").toFile())
                .start();
    }

    private String finish(Process process, String log) throws Exception {
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), log + " did not finish");
        String err = Files.readString(dir.resolve(log + ".err")).replace(JarRunner.INCUBATOR_WARNING + "\n", "");
        assertEquals(0, process.exitValue(), log + ": " + err);
        return err;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void tenPairsOfConcurrentPredictsToOneOutputLeaveOneWholeFileEachTime() throws Exception {
        Sequential model = BlogNetwork.create(42, 2);
        model.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0), 500);
        ModelFormat.standard().save(model, dir.resolve("m.json"));
        Path a = points("a.csv", 1);
        Path b = points("b.csv", 2);
        Process expectA = start("expect-a", "predict", "--model", "m.json", "--data", a.toString());
        finish(expectA, "expect-a");
        Process expectB = start("expect-b", "predict", "--model", "m.json", "--data", b.toString());
        finish(expectB, "expect-b");
        String fromA = Files.readString(dir.resolve("expect-a.out"));
        String fromB = Files.readString(dir.resolve("expect-b.out"));
        assertTrue(!fromA.equals(fromB) && fromA.length() > 500_000, "two distinct, large outputs");

        List<String> seen = new ArrayList<>();
        for (int pair = 0; pair < 10; pair++) {
            Process first = start("a" + pair, "predict", "--model", "m.json", "--data", a.toString(),
                    "--output", "out.csv");
            Process second = start("b" + pair, "predict", "--model", "m.json", "--data", b.toString(),
                    "--output", "out.csv");
            assertEquals("", finish(first, "a" + pair));
            assertEquals("", finish(second, "b" + pair));
            String out = Files.readString(dir.resolve("out.csv"));
            assertTrue(out.equals(fromA) || out.equals(fromB), "pair " + pair + ": a whole output of one run");
            seen.add(out.equals(fromA) ? "a" : "b");
            assertEquals(List.of(), leftovers(), "pair " + pair);
        }
        System.out.println("ConcurrentOutputIT: the surviving output per pair: " + seen);

        Path out = dir.resolve("out.csv");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        finish(start("mode", "predict", "--model", "m.json", "--data", a.toString(), "--output", "out.csv"), "mode");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(fromA, Files.readString(out));

        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), out);
        finish(start("link", "predict", "--model", "m.json", "--data", b.toString(), "--output", "link.csv"), "link");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(fromB, Files.readString(out));
    }
}
