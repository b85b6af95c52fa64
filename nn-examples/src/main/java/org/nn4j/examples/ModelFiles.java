package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nn4j.io.ModelFormatException;

/** How the example commands report a model file they cannot use: one line on standard error, status 2. */
final class ModelFiles {

    /** The exit status for a model file that cannot be read, written or understood. */
    static final int BAD_FILE = 2;

    private ModelFiles() {
    }

    /**
     * @param err standard error
     * @param command the command's name, such as {@code xor}
     * @param file the file
     * @param e what went wrong
     * @return {@link #BAD_FILE}
     */
    static int reportBadFile(PrintStream err, String command, Path file, IOException e) {
        String reason;
        if (e instanceof ModelFormatException) {
            reason = "not a valid nn4j model: " + e.getMessage();
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (Files.isDirectory(file)) {
            reason = "is a directory, not a model file";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        err.println("nn4j " + command + ": " + file + ": " + reason.replaceAll("\\s*[\\r\\n]+\\s*", " "));
        return BAD_FILE;
    }
}
