package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;

/** A save that fails after k bytes, for many k, leaves the old file intact and loadable, and no temporary file. */
class CrashSafetyTest {

    @TempDir
    Path directory;

    /** Passes k bytes, then fails every write, as a full disk or a pulled cable would. */
    private static final class FailingStream extends FilterOutputStream {
        private long left;

        FailingStream(OutputStream out, long k) {
            super(out);
            this.left = k;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("disk full (test)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    @Test
    void failedSavesLeaveTheOldFileAndNoTemporaryFile() throws IOException {
        ModelFormat format = ModelFormat.standard();
        Path file = directory.resolve("model.json");
        Sequential old = Models.xor();
        format.save(old, file);
        byte[] before = Files.readAllBytes(file);

        Sequential changed = Models.xor();
        changed.parameters().get("layers[0].weights").value().fillInPlace(0.5);
        int size = format.toJson(changed).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int attempts = 0;
        for (long k = 0; k < size; k += k < 64 ? 1 : 37) {
            long failAfter = k;
            assertThrows(IOException.class,
                    () -> format.save(changed, null, file, out -> new FailingStream(out, failAfter)));
            assertArrayEquals(before, Files.readAllBytes(file), "old file changed after a failure at byte " + k);
            assertEquals(List.of(file), listing(), "left behind after a failure at byte " + k);
            attempts++;
        }
        Matrix loaded = format.load(file).parameters().get("layers[0].weights").value();
        assertEquals(old.parameters().get("layers[0].weights").value(), loaded);

        format.save(changed, file);   // and a save that succeeds replaces it
        assertEquals(Matrix.filled(2, 4, 0.5), format.load(file).parameters().get("layers[0].weights").value());
        assertEquals(List.of(file), listing());
        System.out.println("CrashSafetyTest: " + attempts + " failed saves of a " + size + "-byte file");
    }

    @Test
    void unregisteredPartsFailBeforeAnyFileIsTouched() throws IOException {
        Path file = directory.resolve("model.json");
        ModelFormat.standard().save(Models.xor(), file);
        byte[] before = Files.readAllBytes(file);
        ModelFormat empty = ModelFormat.of(TypeRegistry.emptyBuilder().build());
        assertThrows(IllegalArgumentException.class, () -> empty.save(Models.xor(), file));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aMissingDirectoryIsAnIoErrorAndLeavesNothing() {
        Path file = directory.resolve("no-such-dir").resolve("model.json");
        assertThrows(IOException.class, () -> ModelFormat.standard().save(Models.xor(), file));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(directory)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFailedSaveNamesTheTargetNeverTheTemporaryFile() {
        Path target = directory.resolve("missing").resolve("m.json");
        IOException e = assertThrows(IOException.class, () -> ModelFormat.standard().save(Models.xor(), target));
        assertEquals("cannot write " + target + ": its directory does not exist", e.getMessage());
    }
}
