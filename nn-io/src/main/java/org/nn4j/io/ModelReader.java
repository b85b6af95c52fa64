package org.nn4j.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nn4j.api.Matrix;
import org.nn4j.core.random.NumpyRandom;
import tools.jackson.core.JsonToken;

/**
 * Reads the structure of a version-1 document into a {@link RawModel}: every key known, none twice, every value of
 * the expected kind, every matrix rectangular and finite, nothing after the closing brace. {@code "format"} and
 * {@code "version"} must be the first two keys, so that a file of another version is told so before anything else.
 */
final class ModelReader {

    private static final List<String> ROOT_KEYS = List.of("format", "version", "inputSize", "layers", "loss",
            "optimizer", "training");
    private static final List<String> ROOT_REQUIRED = List.of("format", "version", "inputSize", "layers", "loss",
            "optimizer");
    private static final List<String> LAYER_KEYS = List.of("type", "config", "parameters");
    private static final List<String> LOSS_KEYS = List.of("type", "config");
    private static final List<String> OPTIMIZER_KEYS = List.of("type", "config", "clipNorm", "state");
    private static final List<String> TYPE_ONLY = List.of("type");
    private static final List<String> TRAINING_KEYS = List.of("epochsCompleted", "random");
    private static final List<String> RANDOM_KEYS = List.of("algorithm", "key", "position", "hasGauss", "gauss");
    private static final int KEY_WORDS = 624;

    private final JsonCursor in;
    private final MatrixReader matrices;

    ModelReader(JsonCursor in) {
        this.in = in;
        this.matrices = new MatrixReader(in);
    }

    /** @return the numbers read into matrices so far, which count against the element limit */
    long elementsRead() {
        return matrices.elementsRead();
    }

    /** The root's parts as they are read; the keys may come in any order after format and version. */
    private static final class Root {
        int keysRead;
        RawModel.Placed<Integer> inputSize;
        List<RawModel.Typed> layers;
        RawModel.Typed loss;
        RawModel.Typed optimizer;
        RawModel.Placed<TrainingState> training;
    }

    RawModel read() throws IOException {
        Root root = new Root();
        in.readObject("$", ROOT_KEYS, ROOT_REQUIRED, (key, path) -> {
            int position = root.keysRead++;
            if (position == 0 && !key.equals("format")) {
                throw in.fail(path, "expected \"format\" as the first key, found \"" + key + "\"");
            }
            if (position == 1 && !key.equals("version")) {
                throw in.fail(path, "expected \"version\" as the second key, found \"" + key + "\"");
            }
            switch (key) {
                case "format" -> readFormat(path);
                case "version" -> readVersion(path);
                case "inputSize" -> root.inputSize = new RawModel.Placed<>(
                        (int) in.readInteger(path, 1, Integer.MAX_VALUE), in.where(path));
                case "layers" -> root.layers = readLayers(path);
                case "loss" -> root.loss = readTyped(path, LOSS_KEYS);
                case "optimizer" -> root.optimizer = readTyped(path, OPTIMIZER_KEYS);
                default -> root.training = readTraining(path);
            }
        });
        in.requireEnd();
        return new RawModel(root.inputSize, root.layers, root.loss, root.optimizer, root.training);
    }

    private void readFormat(String path) throws IOException {
        String format = in.readString(path);
        if (!format.equals(ModelFormat.FORMAT_NAME)) {
            throw in.fail(path, "expected \"" + ModelFormat.FORMAT_NAME + "\", found \"" + format + "\"");
        }
    }

    private void readVersion(String path) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw in.unexpected(path, "the format version, the integer " + ModelFormat.VERSION, t);
        }
        long version = in.currentInteger(path, t, Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != ModelFormat.VERSION) {
            throw in.fail(path, "unsupported format version " + version + "; this nn4j reads version "
                    + ModelFormat.VERSION);
        }
    }

    private List<RawModel.Typed> readLayers(String path) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_ARRAY) {
            throw in.unexpected(path, "an array of layers", t);
        }
        List<RawModel.Typed> layers = new ArrayList<>();
        while (true) {
            String layerPath = Where.index(path, layers.size());
            t = in.next(layerPath);
            if (t == JsonToken.END_ARRAY) {
                break;
            }
            if (t != JsonToken.START_OBJECT) {
                throw in.unexpected(layerPath, "a layer object", t);
            }
            layers.add(readTypedBody(layerPath, LAYER_KEYS, in.where(layerPath)));
        }
        if (layers.isEmpty()) {
            throw in.fail(path, "expected at least one layer, found []");
        }
        return layers;
    }

    private RawModel.Typed readTyped(String path, List<String> keys) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_OBJECT) {
            throw in.unexpected(path, "an object with a \"type\"", t);
        }
        return readTypedBody(path, keys, in.where(path));
    }

    /** The parts of a layer, loss or optimizer object as they are read. */
    private static final class TypedParts {
        RawModel.Placed<String> type;
        RawModel.Placed<Config> config;
        final Map<String, RawModel.Placed<Matrix>> parameters = new LinkedHashMap<>();
        final Map<String, RawModel.Placed<Matrix>> state = new LinkedHashMap<>();
        RawModel.Placed<Double> clipNorm;
    }

    /** The object's opening brace has been read. */
    private RawModel.Typed readTypedBody(String path, List<String> keys, Where start) throws IOException {
        TypedParts parts = new TypedParts();
        in.readObjectBody(path, keys, TYPE_ONLY, (key, keyPath) -> {
            switch (key) {
                case "type" -> parts.type = new RawModel.Placed<>(in.readString(keyPath), in.where(keyPath));
                case "config" -> parts.config = readConfig(keyPath);
                case "parameters" -> readMatrices(keyPath, parts.parameters);
                case "clipNorm" -> parts.clipNorm = readClipNorm(keyPath);
                default -> readMatrices(keyPath, parts.state);
            }
        });
        RawModel.Placed<Config> config = parts.config != null ? parts.config
                : new RawModel.Placed<>(Config.empty(), start);
        return new RawModel.Typed(start, parts.type, config, parts.parameters, parts.state, parts.clipNorm);
    }

    /** An optimizer's {@code "clipNorm"}: a positive, finite number. */
    private RawModel.Placed<Double> readClipNorm(String path) throws IOException {
        double value = in.readFinite(path);
        Where where = in.where(path);
        if (!(value > 0)) {
            throw in.fail(path, "expected a positive number (the largest global norm of the gradients), found "
                    + value);
        }
        return new RawModel.Placed<>(value, where);
    }

    private RawModel.Placed<Config> readConfig(String path) throws IOException {
        Config.Builder config = Config.builder();
        Where start = in.readObject(path, new AnyKey(), List.of(),
                (key, keyPath) -> {
                    Object value = in.readScalar(keyPath);
                    try {
                        config.put(key, value);
                    } catch (IllegalArgumentException e) {
                        // Config's own checks (a blank key, an unpaired surrogate): a file gets a format error.
                        throw in.fail(keyPath, e.getMessage());
                    }
                });
        return new RawModel.Placed<>(config.build(), start);
    }

    private void readMatrices(String path, Map<String, RawModel.Placed<Matrix>> into) throws IOException {
        in.readObject(path, new AnyKey(), List.of(), (key, keyPath) -> {
            Where where = in.where(keyPath);
            into.put(key, new RawModel.Placed<>(matrices.readMatrix(keyPath), where));
        });
    }

    /** The parts of the training section as they are read. */
    private static final class TrainingParts {
        long epochs;
        NumpyRandom.State random;
        final int[] key = new int[KEY_WORDS];
        int position;
        boolean hasGauss;
        double gauss;
    }

    private RawModel.Placed<TrainingState> readTraining(String path) throws IOException {
        TrainingParts parts = new TrainingParts();
        Where start = in.readObject(path, TRAINING_KEYS, TRAINING_KEYS, (key, keyPath) -> {
            if (key.equals("epochsCompleted")) {
                parts.epochs = in.readInteger(keyPath, 0, Long.MAX_VALUE);
            } else {
                parts.random = readRandom(keyPath, parts);
            }
        });
        return new RawModel.Placed<>(new TrainingState(parts.epochs, parts.random), start);
    }

    private NumpyRandom.State readRandom(String path, TrainingParts parts) throws IOException {
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

    /** Accepts any key: for maps whose keys are names chosen by the type (configuration, parameters, state). */
    private static final class AnyKey extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return Set.<String>of().iterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
