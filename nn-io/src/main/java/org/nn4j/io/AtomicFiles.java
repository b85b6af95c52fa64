package org.nn4j.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Replaces a file so that a crash at any moment leaves either the old file or the complete new one:
 * <pre>
 *   1. write everything to a new temporary file in the same directory (".name.&lt;pid&gt;.&lt;nanos&gt;.tmp")
 *   2. flush it and force it to the disk (fsync)
 *   3. rename it over the target in one atomic step, then force the directory entry
 * </pre>
 * If any step fails the temporary file is deleted and the target is untouched. The temporary file is in the same
 * directory because an atomic rename cannot cross file systems.
 */
final class AtomicFiles {

    /** Writes the content through a {@link Writer}. */
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the file to create or replace
     * @param content what to write
     * @param wrap wraps the raw output stream (identity in production; tests inject failures here)
     */
    static void write(Path target, Content content, UnaryOperator<OutputStream> wrap) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 Writer out = new BufferedWriter(new OutputStreamWriter(wrap.apply(Channels.newOutputStream(channel)),
                         StandardCharsets.UTF_8))) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            forceDirectory(directory);
        } catch (FileSystemException e) {
            // Its message names the temporary file, which the user never asked for: name the target instead.
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** What went wrong, in words, without the file names the exception carries. */
    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    }

    /** Makes the rename itself durable; some platforms (Windows) cannot open a directory, and need not. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The rename has happened; only its durability across a power cut is left to the operating system.
        }
    }
}
