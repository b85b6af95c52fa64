package org.nn4j.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every promise of {@link AtomicWrite}: whole files only, permissions kept, links written through, no litter. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    private List<String> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void createsAndReplacesAFileWithExactlyTheContent() throws IOException {
        Path file = dir.resolve("out.txt");
        AtomicWrite.text(file, out -> out.write("first é\n"));
        assertEquals("first é\n", Files.readString(file));
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        AtomicWrite.bytes(file, out -> out.write(picture));
        assertArrayEquals(picture, Files.readAllBytes(file));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("secret.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        AtomicWrite.text(file, out -> out.write("new"));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWrite.text(file, out -> out.write("newer"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("model.json");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

        AtomicWrite.text(link, out -> out.write("new"));

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(real, Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void aDanglingLinkOrADirectoryIsRefusedByName() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere.json"));
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.text(dangling, out -> out.write("x")));
        assertEquals("cannot write " + dangling + ": it is a symbolic link to a file that does not exist"
                + " (nn4j writes through a link only to an existing file)", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("nowhere.json")));

        Path directory = Files.createDirectory(dir.resolve("d.json"));
        e = assertThrows(IOException.class, () -> AtomicWrite.text(directory, out -> out.write("x")));
        assertEquals("cannot write " + directory + ": it is a directory", e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aMissingDirectoryIsNamedAsTheTargetsProblem() {
        Path file = dir.resolve("no/such/out.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.text(file, out -> out.write("x")));
        assertEquals("cannot write " + file + ": its directory does not exist", e.getMessage());
    }

    @Test
    void aDiskThatFailsMidWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "the old model");
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.bytes(file,
                out -> out.write(new byte[1 << 20]), raw -> new FilterOutputStream(raw) {
                    private int written;

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        written += len;
                        if (written > 100_000) {
                            throw new IOException("No space left on device");
                        }
                        out.write(b, off, len);
                    }
                }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("the old model", Files.readString(file));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void concurrentWritersEachLeaveAWholeFileAndTheLastRenameWins() throws Exception {
        Path file = dir.resolve("predictions.csv");
        int writers = 8;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<String> contents = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            contents.add(("writer " + w + "\n").repeat(20_000));
        }
        try {
            for (int round = 0; round < 10; round++) {
                List<Future<?>> done = new ArrayList<>();
                for (String content : contents) {
                    done.add(pool.submit(() -> {
                        start.await();
                        AtomicWrite.text(file, out -> out.write(content));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                Set<String> possible = new HashSet<>(contents);
                assertTrue(possible.contains(Files.readString(file)), "round " + round + ": one writer's whole file");
                assertEquals(List.of(), leftovers());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
