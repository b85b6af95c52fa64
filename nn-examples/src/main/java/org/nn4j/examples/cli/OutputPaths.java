package org.nn4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the places a command will write to before it trains, so that a typo costs a second, not a training run.
 * Each problem is one {@link IllegalArgumentException} naming the option, the path as typed and what is wrong:
 * <pre>
 *   --plot out.png: is a file, expected a directory
 *   --save runs/m.json: directory runs does not exist
 * </pre>
 * {@link ErrorHandlers} prints it as one line and exits with status 2. The checks are the ones the file system
 * answers cheaply (existence, kind, write permission); a disk that fills up later is still reported when it happens.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * A file the command will create or replace ({@code --save}, {@code --output}): not a directory, in a directory
     * that exists and can be written; {@code -} (standard output) passes.
     *
     * @param option the option's name, such as {@code --save}
     * @param file the path as given
     * @throws IllegalArgumentException naming the option, the path and the problem
     */
    public static void checkFile(String option, Path file) {
        if (file.toString().equals("-")) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw problem(option, file, "is a directory, expected a file");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw problem(option, file, "is not writable");
        }
        checkParent(option, file);
    }

    /**
     * A directory the command will write files into ({@code --plot}, {@code --checkpoint-dir}): a writable
     * directory, or a new one whose parent is a writable directory (the command creates it).
     *
     * @param option the option's name, such as {@code --plot}
     * @param directory the path as given
     * @throws IllegalArgumentException naming the option, the path and the problem
     */
    public static void checkDirectory(String option, Path directory) {
        if (Files.isDirectory(directory)) {
            if (!Files.isWritable(directory)) {
                throw problem(option, directory, "directory is not writable");
            }
            return;
        }
        if (Files.exists(directory)) {
            throw problem(option, directory, "is a file, expected a directory");
        }
        checkParent(option, directory);
    }

    private static void checkParent(String option, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        Path shown = path.getParent() == null ? Path.of(".") : path.getParent();
        if (parent == null) {
            return;
        }
        if (!Files.exists(parent)) {
            throw problem(option, path, "directory " + shown + " does not exist");
        }
        if (!Files.isDirectory(parent)) {
            throw problem(option, path, shown + " is a file, expected a directory");
        }
        if (!Files.isWritable(parent)) {
            throw problem(option, path, "directory " + shown + " is not writable");
        }
    }

    private static IllegalArgumentException problem(String option, Path path, String what) {
        return new IllegalArgumentException(option + " " + path + ": " + what);
    }
}
