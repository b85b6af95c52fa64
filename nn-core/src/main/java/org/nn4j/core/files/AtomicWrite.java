package org.nn4j.core.files;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Creates or replaces a file so that every reader, at every moment, sees either the old file or the complete new
 * one, never a part:
 * <pre>
 *   1. write everything to a new temporary file with a unique name in the target's directory
 *      (".name.&lt;pid&gt;-&lt;random&gt;.tmp", created exclusively, so two writers never share one)
 *   2. give it the target's permissions if the target exists (a file of mode 600 stays 600)
 *   3. flush it and force it to the disk (fsync)
 *   4. rename it over the target in one atomic step, then force the directory entry
 * </pre>
 * If any step fails the temporary file is deleted and the target is untouched. The temporary file sits in the
 * target's directory because an atomic rename cannot cross file systems. When several processes write the same
 * target at once, each write is complete and the last rename wins.
 *
 * <p><b>Symbolic links.</b> A target that is a symbolic link to a regular file is written <em>through</em>: the
 * link stays, and the file it points to is replaced (in that file's directory, with that file's permissions). A
 * link that points nowhere, or to something that is not a regular file, is refused with an {@link IOException}
 * naming the link. A target that is a directory is refused too.
 *
 * <p><b>Ownership.</b> A replaced file gets the permissions of the old one but belongs to whoever writes it (the
 * operating system does not let an ordinary user give a file away).
 */
public final class AtomicWrite {

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface Bytes {
        /**
         * Writes the whole content.
         *
         * @param out the temporary file's stream (buffered; do not close it)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the text of a file, which is stored as UTF-8. */
    @FunctionalInterface
    public interface Text {
        /**
         * Writes the whole content.
         *
         * @param out the temporary file's writer (buffered, UTF-8; do not close it)
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicWrite() {
    }

    /**
     * Creates or replaces a file with the bytes the content writes.
     *
     * @param target the file to create or replace
     * @param content what to write
     * @throws IOException if writing fails (the target is then untouched and no temporary file is left); the
     *     message names the target and the reason
     */
    public static void bytes(Path target, Bytes content) throws IOException {
        bytes(target, content, UnaryOperator.identity());
    }

    /**
     * Creates or replaces a file with the text the content writes, in UTF-8.
     *
     * @param target the file to create or replace
     * @param content what to write
     * @throws IOException if writing fails (the target is then untouched and no temporary file is left)
     */
    public static void text(Path target, Text content) throws IOException {
        text(target, content, UnaryOperator.identity());
    }

    /**
     * {@link #text(Path, Text)} with a hook on the raw stream, so that tests can make the disk fail mid-write.
     *
     * @param target the file to create or replace
     * @param content what to write
     * @param wrap wraps the temporary file's raw stream (identity in production)
     * @throws IOException if writing fails (the target is then untouched and no temporary file is left)
     */
    public static void text(Path target, Text content, UnaryOperator<OutputStream> wrap) throws IOException {
        Objects.requireNonNull(content, "content");
        bytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        }, wrap);
    }

    /**
     * {@link #bytes(Path, Bytes)} with a hook on the raw stream, so that tests can make the disk fail mid-write.
     *
     * @param target the file to create or replace
     * @param content what to write
     * @param wrap wraps the temporary file's raw stream (identity in production)
     * @throws IOException if writing fails (the target is then untouched and no temporary file is left)
     */
    public static void bytes(Path target, Bytes content, UnaryOperator<OutputStream> wrap) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(wrap, "wrap");
        Path file = destination(target);
        Path directory = file.getParent();
        Path temporary = null;
        boolean moved = false;
        try {
            temporary = createTemporary(file);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(wrap.apply(Channels.newOutputStream(channel)),
                    1 << 16)) {
                keepPermissions(file, temporary);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            rename(temporary, file);
            moved = true;
            forceDirectory(directory);
        } catch (FileSystemException e) {
            // Its message names the temporary file, which the user never asked for: name the target instead.
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (!moved && temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The file to replace: the target itself, or the regular file a symbolic link points to. */
    private static Path destination(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            if (!Files.isRegularFile(absolute)) {
                throw new IOException("cannot write " + target + ": it is a symbolic link to "
                        + (Files.exists(absolute) ? "something that is not a regular file" : "a file that does not exist")
                        + " (nn4j writes through a link only to an existing file)");
            }
            return absolute.toRealPath();
        }
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("cannot write " + target + ": it is a directory");
        }
        if (absolute.getParent() == null) {
            throw new IOException("cannot write " + target + ": it names no file");
        }
        return absolute;
    }

    /** Creates an empty file with a name no other writer has, next to the file it will replace. */
    private static Path createTemporary(Path file) throws IOException {
        while (true) {
            Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(temporary);
            } catch (FileAlreadyExistsException taken) {
                // Another writer drew the same name (about one chance in 2^64): draw again.
            }
        }
    }

    /** Gives the temporary file the permissions of the file it will replace, where the file system has them. */
    private static void keepPermissions(Path file, Path temporary) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (old == null || !Files.exists(file)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = old.readAttributes().permissions();
        } catch (NoSuchFileException goneMeanwhile) {
            return;
        }
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** Renames atomically; a file system without atomic rename (rare) still gets a complete file, replaced. */
    private static void rename(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
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
