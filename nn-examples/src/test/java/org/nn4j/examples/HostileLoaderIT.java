package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's loader gaps, each through the built jar as a user meets them: structure-heavy files refused in a
 * 128 MB heap (gap 1), every file that cannot be read reported on one line with status 2 (gap 3), and file text
 * in messages made harmless, byte-order marks and UTF-16 read (gap 7).
 */
class HostileLoaderIT {

    @TempDir
    Path dir;

    /** One line on standard error that starts so, status 2, nothing on standard output. */
    private static void assertOneLine(JarRunner.Run run, String start, String contains) {
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertTrue(run.err().contains(contains), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void structureHeavyFilesAreRefusedInA128MegabyteHeap() throws Exception {
        HostileModelFiles.writeAll(dir);
        String[] expected = {
            "layers[10000] (line 1, column 160060): exceeds the limit ModelLimits.maxLayers = 10000 layers",
            "layers[10000] (line 1, column 160060): exceeds the limit ModelLimits.maxLayers = 10000 layers",
            "exceeds the limit of 64 keys in one configuration",
            "exceeds the limit of 64 keys in one layer's parameters",
            "exceeds the limit of 64 state keys that name no parameter of the layers",
            "exceeds the limit ModelLimits.maxEntries = 100000 keys in one object",
        };
        for (int i = 0; i < expected.length; i++) {
            Path file = dir.resolve(HostileModelFiles.NAMES[i]);
            long start = System.nanoTime();
            JarRunner.Run run = new JarRunner(dir).run(null, List.of("-Xmx128m"), "summary", file.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%s (%.1f MB): refused at -Xmx128m in %d ms%n", file.getFileName(),
                    Files.size(file) / 1e6, millis);
            assertOneLine(run, "nn4j summary: " + file + ": not a valid nn4j model: ", expected[i]);
        }
    }

    @Test
    void everyFileThatCannotBeReadIsOneLineAndStatusTwo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("d.json"));
        Path data = Files.writeString(dir.resolve("x.csv"), "a,b\n0,1\n");
        JarRunner jar = new JarRunner(dir);
        assertOneLine(jar.run("summary", folder.toString()), "nn4j summary: " + folder + ": ", "is a directory");
        assertOneLine(jar.run("xor", "--load", folder.toString()), "nn4j xor: " + folder + ": ", "is a directory");
        assertOneLine(jar.run("predict", "--model", folder.toString(), "--data", data.toString()), "nn4j predict: ",
                "d.json");
        assertOneLine(jar.run("summary", "/proc/self/mem"), "nn4j summary: /proc/self/mem: ", "Input/output error");
        assertOneLine(jar.run("xor", "--load", "/proc/self/mem"), "nn4j xor: /proc/self/mem: ", "Input/output error");
        Path missing = dir.resolve("missing.json");
        assertOneLine(jar.run("summary", missing.toString()), "nn4j summary: " + missing + ": ", "no such file");
        assertOneLine(jar.run("xor", "--load", missing.toString()), "nn4j xor: " + missing + ": ", "no such file");
        Path locked = Files.writeString(dir.resolve("locked.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
        assertOneLine(jar.run("summary", locked.toString()), "nn4j summary: " + locked + ": ", "permission denied");
    }

    @Test
    void controlCharactersFromTheFileAreEscapedInTheMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("title.json"), "{\"format\":\"nn4j-model\",\"version\":2,"
                + "\"inputSize\":2,\"layers\":[{\"type\":\"\\u001b]0;pwned\\u0007\\u001b[2J\"}],"
                + "\"loss\":{\"type\":\"mse\"},\"optimizer\":{\"type\":\"sgd\",\"config\":{\"learningRate\":0.1}}}");
        JarRunner.Run run = new JarRunner(dir).run("summary", file.toString());
        assertOneLine(run, "nn4j summary: " + file + ": ", "unknown layer type \"\\u001b]0;pwned\\u0007\\u001b[2J\"");
        assertTrue(run.err().chars().noneMatch(c -> c < 0x20 && c != '\n'), run.err());
    }

    @Test
    void aByteOrderMarkIsSkippedAndUtf16AndUtf32AreRead() throws Exception {
        String model = "{\"format\":\"nn4j-model\",\"version\":2,\"inputSize\":2,\"layers\":[{\"type\":\"relu\"}],"
                + "\"loss\":{\"type\":\"mse\"},\"optimizer\":{\"type\":\"sgd\",\"config\":{\"learningRate\":0.1}}}";
        JarRunner jar = new JarRunner(dir);
        String[][] encodings = {{"UTF-8", "\ufeff"}, {"UTF-16LE", "\ufeff"}, {"UTF-16BE", ""}, {"UTF-32LE", ""},
            {"UTF-32BE", "\ufeff"}};
        for (String[] e : encodings) {
            Path file = dir.resolve(e[0] + (e[1].isEmpty() ? "" : "-bom") + ".json");
            Files.write(file, (e[1] + model).getBytes(Charset.forName(e[0])));
            JarRunner.Run run = jar.run("summary", file.toString());
            assertEquals(0, run.status(), e[0] + ": " + run.err());
            assertTrue(run.out().contains("Optimizer state: none"), run.out());
        }
        Path latin1 = Files.write(dir.resolve("latin1.json"), model.replace("relu", "r\u00e9lu")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertOneLine(jar.run("summary", latin1.toString()), "nn4j summary: " + latin1 + ": ",
                "is not valid UTF-8 text");
    }
}
