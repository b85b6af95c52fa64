package org.nn4j.io;

import java.io.IOException;
import java.util.List;
import org.nn4j.core.random.NumpyRandom;
import tools.jackson.core.JsonToken;

/**
 * Reads the optional {@code "training"} section of a model document: the epochs completed and the complete state
 * of the model's {@link NumpyRandom} (the same in every format version).
 */
final class TrainingReader {

    private static final List<String> TRAINING_KEYS = List.of("epochsCompleted", "random");
    private static final List<String> RANDOM_KEYS = List.of("algorithm", "key", "position", "hasGauss", "gauss");
    private static final int KEY_WORDS = 624;

    private final JsonCursor in;

    TrainingReader(JsonCursor in) {
        this.in = in;
    }

    /** The parts of the training section as they are read. */
    private static final class Parts {
        long epochs;
        NumpyRandom.State random;
        final int[] key = new int[KEY_WORDS];
        int position;
        boolean hasGauss;
        double gauss;
    }

    RawModel.Placed<TrainingState> read(String path) throws IOException {
        Parts parts = new Parts();
        Where start = in.readObject(path, TRAINING_KEYS, TRAINING_KEYS, (key, keyPath) -> {
            if (key.equals("epochsCompleted")) {
                parts.epochs = in.readInteger(keyPath, 0, Long.MAX_VALUE);
            } else {
                parts.random = readRandom(keyPath, parts);
            }
        });
        return new RawModel.Placed<>(new TrainingState(parts.epochs, parts.random), start);
    }

    private NumpyRandom.State readRandom(String path, Parts parts) throws IOException {
        Where start = in.readObject(path, RANDOM_KEYS, RANDOM_KEYS, (name, keyPath) -> {
            switch (name) {
                case "algorithm" -> {
                    String algorithm = in.readString(keyPath);
                    if (!algorithm.equals(ModelFormat.RANDOM_ALGORITHM)) {
                        throw in.fail(keyPath, "expected \"" + ModelFormat.RANDOM_ALGORITHM + "\", found \""
                                + algorithm + "\"");
                    }
                }
                case "key" -> readKey(keyPath, parts.key);
                case "position" -> parts.position = (int) in.readInteger(keyPath, 0, KEY_WORDS);
                case "hasGauss" -> parts.hasGauss = in.readBoolean(keyPath);
                default -> parts.gauss = in.readFinite(keyPath);
            }
        });
        try {
            return new NumpyRandom.State(parts.key, parts.position, parts.hasGauss, parts.gauss);
        } catch (IllegalArgumentException e) {
            throw start.fail(e.getMessage());
        }
    }

    private void readKey(String path, int[] key) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_ARRAY) {
            throw in.unexpected(path, "an array of " + KEY_WORDS + " unsigned 32-bit integers", t);
        }
        int n = 0;
        while (true) {
            String wordPath = Where.index(path, n);
            t = in.next(wordPath);
            if (t == JsonToken.END_ARRAY) {
                break;
            }
            if (n == KEY_WORDS) {
                throw in.fail(wordPath, "expected " + KEY_WORDS + " words, found more");
            }
            key[n++] = (int) in.currentInteger(wordPath, t, 0, 0xffffffffL);
        }
        if (n != KEY_WORDS) {
            throw in.fail(path, "expected " + KEY_WORDS + " words, found " + n);
        }
    }
}
