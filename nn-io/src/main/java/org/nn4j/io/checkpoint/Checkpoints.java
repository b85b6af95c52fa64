package org.nn4j.io.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nn4j.io.Checkpoint;

/**
 * The checkpoint files of a directory: named {@code checkpoint-<epochs completed, 8 digits>.json}, such as
 * {@code checkpoint-00000040.json}, so that their names sort by epoch.
 */
public final class Checkpoints {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{8,18})\\.json");
    /** The temporary files a save killed mid-write leaves behind (see ModelFormat's crash-safe save). */
    private static final Pattern STALE = Pattern.compile("\\.checkpoint-\\d{8,18}\\.json\\..*\\.tmp");

    private Checkpoints() {
    }

    /**
     * @param epochsCompleted the epochs trained when the checkpoint is taken
     * @return the file name, {@code checkpoint-00000040.json} for 40
     */
    public static String fileName(long epochsCompleted) {
        return String.format(java.util.Locale.ROOT, "checkpoint-%08d.json", epochsCompleted);
    }

    /**
     * The checkpoint files in a directory, oldest (fewest epochs) first. Other files, and the temporary files of
     * an interrupted save, are ignored.
     *
     * @param directory the directory; it need not exist
     * @return the files, by epoch
     * @throws IOException if the directory cannot be listed
     */
    public static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .forEach(files::add);
        }
        files.sort(Comparator.comparingLong(Checkpoints::epochOf));
        return List.copyOf(files);
    }

    /**
     * @param directory the directory; it need not exist
     * @return the checkpoint with the most epochs, if there is one
     * @throws IOException if the directory cannot be listed
     */
    public static Optional<Path> newest(Path directory) throws IOException {
        List<Path> files = list(directory);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(files.size() - 1));
    }

    /**
     * The epoch counter to resume with: {@code TrainingConfig.builder().initialEpoch(epochsCompleted(c))}.
     *
     * @param checkpoint a loaded checkpoint
     * @return the epochs completed when it was written
     * @throws IllegalArgumentException if the file had no training section (a plain saved model, not a
     *     checkpoint) or counts more epochs than an {@code int} holds
     */
    public static int epochsCompleted(Checkpoint checkpoint) {
        long epochs = checkpoint.training().orElseThrow(() -> new IllegalArgumentException(
                "Checkpoints: the file has no training section; it is a saved model, not a checkpoint"))
                .epochsCompleted();
        if (epochs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Checkpoints: " + epochs + " epochs completed is more than fit counts");
        }
        return (int) epochs;
    }

    /**
     * @param file a checkpoint file, such as {@code checkpoint-00000040.json}
     * @return the epochs completed its name records, 40
     * @throws IllegalArgumentException if the name is not a checkpoint file name
     */
    public static long epochOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("Checkpoints: not a checkpoint file name: " + file.getFileName());
        }
        return Long.parseLong(m.group(1));
    }

    /** Deletes what saves killed mid-write left behind (one training per directory is assumed). */
    static int deleteStaleTemporaryFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(p -> STALE.matcher(p.getFileName().toString()).matches()).forEach(stale::add);
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        return stale.size();
    }
}
