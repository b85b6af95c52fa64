package org.nn4j.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import tools.jackson.core.JsonToken;

/**
 * Reads the structure of a version-1 or version-2 document into a {@link RawModel}: every key known to that
 * version, none twice, every value of the expected kind, every matrix rectangular and finite, nothing after the
 * closing brace. {@code "format"} and {@code "version"} must be the first two keys, so that the keys allowed after
 * them are known, and a file of another version is told so before anything else.
 *
 * <p>Version 1 differs from version 2 in three ways: it has no {@code "inputShape"}, no layer {@code "state"},
 * and gradient clipping is the optimizer object's {@code "clipNorm"}, read here as the {@code clip-by-global-norm}
 * wrapper it means.
 */
final class ModelReader {

    private static final List<String> ROOT_KEYS = List.of("format", "version", "inputSize", "inputShape",
            "featureNames", "classLabels", "layers", "loss", "optimizer", "training");
    private static final List<String> ROOT_KEYS_V1 = List.of("format", "version", "inputSize", "layers", "loss",
            "optimizer", "training");
    private static final List<String> ROOT_REQUIRED = List.of("format", "version", "layers", "loss", "optimizer");
    private static final List<String> LAYER_KEYS = List.of("type", "config", "parameters", "state");
    private static final List<String> LAYER_KEYS_V1 = List.of("type", "config", "parameters");
    private static final List<String> LOSS_KEYS = List.of("type", "config");
    private static final List<String> OPTIMIZER_KEYS = List.of("type", "config", "optimizer", "state");
    private static final List<String> WRAPPED_OPTIMIZER_KEYS = List.of("type", "config", "optimizer");
    private static final List<String> OPTIMIZER_KEYS_V1 = List.of("type", "config", "clipNorm", "state");
    private static final List<String> TYPE_ONLY = List.of("type");
    /** Version 1's {@code "clipNorm": x} means this registered wrapper with {@code {"maxNorm": x}}. */
    private static final String V1_CLIP_TYPE = "clip-by-global-norm";
    private static final String V1_CLIP_KEY = "maxNorm";
    /** The most axes an {@code "inputShape"} may have (channels×height×width needs 3). */
    static final int MAX_AXES = 8;
    /** The most optimizers one optimizer object may wrap, one inside the other (a clip around Adam is 1). */
    static final int MAX_WRAPPED = 8;
    /** The most keys in one {@code "config"}, {@code "parameters"} or layer {@code "state"} object. */
    static final int MAX_NAMED = 64;
    /** The most optimizer state keys {@code <slot>/<parameter path>} for one parameter (Adam has 3). */
    static final int MAX_SLOTS = 8;

    private final JsonCursor in;
    private final MatrixReader matrices;
    private int version;
    /** How deep in nested {@code "optimizer"} objects the reader is. */
    private int wrapping;
    /**
     * The paths {@code layers[i].<name>} of the parameters the file's layers declare, once {@code "layers"} has
     * been read (null before), with how many optimizer state keys name each so far.
     */
    private Map<String, int[]> parameterPaths;

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
        RawModel.Placed<Shape> inputShape;
        List<RawModel.Typed> layers;
        RawModel.Typed loss;
        RawModel.Typed optimizer;
        RawModel.Placed<TrainingState> training;
        RawModel.Placed<List<String>> featureNames;
        RawModel.Placed<List<String>> classLabels;
    }

    RawModel read() throws IOException {
        Root root = new Root();
        // The keys allowed after "version" depend on it: the list is narrowed once the version is known.
        List<String> keys = new ArrayList<>(ROOT_KEYS);
        in.readObject("$", keys, ROOT_REQUIRED, (key, path) -> {
            int position = root.keysRead++;
            if (position == 0 && !key.equals("format")) {
                throw in.fail(path, "expected \"format\" as the first key, found \"" + key + "\"");
            }
            if (position == 1 && !key.equals("version")) {
                throw in.fail(path, "expected \"version\" as the second key, found \"" + key + "\"");
            }
            switch (key) {
                case "format" -> readFormat(path);
                case "version" -> {
                    readVersion(path);
                    keys.retainAll(version == 1 ? ROOT_KEYS_V1 : ROOT_KEYS);
                }
                case "inputSize", "inputShape" -> root.inputShape = readInput(key, path, root.inputShape);
                case "featureNames" -> root.featureNames = readNames(path);
                case "classLabels" -> root.classLabels = readNames(path);
                case "layers" -> root.layers = readLayers(path);
                case "loss" -> root.loss = readTyped(path, LOSS_KEYS);
                case "optimizer" -> root.optimizer = readOptimizer(path);
                default -> root.training = new TrainingReader(in).read(path);
            }
        });
        if (root.inputShape == null) {
            throw in.fail("$", "missing key \"inputSize\"" + (version == 1 ? ""
                    : " (or \"inputShape\", for samples of more than one axis)"));
        }
        in.requireEnd();
        return new RawModel(root.inputShape, root.featureNames, root.classLabels, root.layers, root.loss,
                root.optimizer, root.training);
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
            throw in.unexpected(path, "the format version, the integer " + ModelFormat.versionsRead("or"), t);
        }
        long found = in.currentInteger(path, t, Long.MIN_VALUE, Long.MAX_VALUE);
        if (found < ModelFormat.FIRST_VERSION || found > ModelFormat.VERSION) {
            throw in.fail(path, "unsupported format version " + found + "; this nn4j reads versions "
                    + ModelFormat.versionsRead("and"));
        }
        version = (int) found;
    }

    /** {@code "inputSize": n} (a flat row) or {@code "inputShape": [c, h, w]}; only one of them. */
    private RawModel.Placed<Shape> readInput(String key, String path, RawModel.Placed<Shape> before)
            throws IOException {
        if (before != null) {
            throw in.fail(path, "expected \"inputSize\" or \"inputShape\", found both");
        }
        if (key.equals("inputSize")) {
            int size = (int) in.readInteger(path, 1, Integer.MAX_VALUE);
            return new RawModel.Placed<>(Shape.of(size), in.where(path));
        }
        JsonToken t = in.next(path);
        if (t != JsonToken.START_ARRAY) {
            throw in.unexpected(path, "an array of axis sizes, such as [1, 28, 28]", t);
        }
        Where start = in.where(path);
        int[] dims = new int[MAX_AXES];
        int n = 0;
        while ((t = in.next(path)) != JsonToken.END_ARRAY) {
            String axisPath = Where.index(path, n);
            if (n == MAX_AXES) {
                throw in.fail(axisPath, "expected at most " + MAX_AXES + " axes, found more");
            }
            dims[n++] = (int) in.currentInteger(axisPath, t, 1, Integer.MAX_VALUE);
        }
        if (n < 2) {
            throw start.fail("expected at least 2 axes (a flat row of n values is \"inputSize\": n), found " + n);
        }
        try {
            return new RawModel.Placed<>(Shape.of(Arrays.copyOf(dims, n)), start);
        } catch (IllegalArgumentException e) {
            throw start.fail(e.getMessage());
        }
    }

    /** {@code "featureNames"} or {@code "classLabels"}: an array of strings (their sizes are checked later). */
    private RawModel.Placed<List<String>> readNames(String path) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_ARRAY) {
            throw in.unexpected(path, "an array of names, such as [\"sepal_length\", \"sepal_width\"]", t);
        }
        Where start = in.where(path);
        List<String> names = new ArrayList<>();
        while ((t = in.next(Where.index(path, names.size()))) != JsonToken.END_ARRAY) {
            String namePath = Where.index(path, names.size());
            if (t != JsonToken.VALUE_STRING) {
                throw in.unexpected(namePath, "a name (a string)", t);
            }
            if (names.size() == in.limits().maxEntries()) {
                throw in.fail(namePath, "exceeds the limit ModelLimits.maxEntries = " + in.limits().maxEntries()
                        + " names in one list");
            }
            names.add(in.text(namePath));
        }
        return new RawModel.Placed<>(names, start);
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
            if (layers.size() == in.limits().maxLayers()) {
                throw in.fail(layerPath, "exceeds the limit ModelLimits.maxLayers = " + in.limits().maxLayers()
                        + " layers in one model");
            }
            layers.add(readTypedBody(layerPath, version == 1 ? LAYER_KEYS_V1 : LAYER_KEYS, in.where(layerPath))
                    .typed());
        }
        if (layers.isEmpty()) {
            throw in.fail(path, "expected at least one layer, found []");
        }
        parameterPaths = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String name : layers.get(i).parameters().keySet()) {
                parameterPaths.put("layers[" + i + "]." + name, new int[1]);
            }
        }
        return layers;
    }

    /** The model's optimizer: in version 1 with its optional {@code "clipNorm"}, read as the wrapper it means. */
    private RawModel.Typed readOptimizer(String path) throws IOException {
        TypedParts parts = readTypedParts(path, version == 1 ? OPTIMIZER_KEYS_V1 : OPTIMIZER_KEYS);
        RawModel.Typed optimizer = parts.typed();
        if (parts.clipNorm == null) {
            return optimizer;
        }
        Where clip = parts.clipNorm.where();
        RawModel.Typed wrapped = new RawModel.Typed(optimizer.where(), optimizer.type(), optimizer.config(),
                Map.of(), Map.of(), null);
        return new RawModel.Typed(optimizer.where(), new RawModel.Placed<>(V1_CLIP_TYPE, clip),
                new RawModel.Placed<>(Config.of(V1_CLIP_KEY, parts.clipNorm.value()), clip), Map.of(),
                optimizer.state(), wrapped);
    }

    private RawModel.Typed readTyped(String path, List<String> keys) throws IOException {
        return readTypedParts(path, keys).typed();
    }

    private TypedParts readTypedParts(String path, List<String> keys) throws IOException {
        JsonToken t = in.next(path);
        if (t != JsonToken.START_OBJECT) {
            throw in.unexpected(path, "an object with a \"type\"", t);
        }
        return readTypedBody(path, keys, in.where(path));
    }

    /** The parts of a layer, loss or optimizer object as they are read. */
    private static final class TypedParts {
        Where start;
        RawModel.Placed<String> type;
        RawModel.Placed<Config> config;
        final Map<String, RawModel.Placed<Matrix>> parameters = new LinkedHashMap<>();
        final Map<String, RawModel.Placed<Matrix>> state = new LinkedHashMap<>();
        RawModel.Typed wrapped;
        RawModel.Placed<Double> clipNorm;

        RawModel.Typed typed() {
            RawModel.Placed<Config> c = config != null ? config : new RawModel.Placed<>(Config.empty(), start);
            return new RawModel.Typed(start, type, c, parameters, state, wrapped);
        }
    }

    /** The object's opening brace has been read. */
    private TypedParts readTypedBody(String path, List<String> keys, Where start) throws IOException {
        TypedParts parts = new TypedParts();
        parts.start = start;
        boolean optimizer = keys != LAYER_KEYS && keys != LAYER_KEYS_V1;
        in.readObjectBody(path, keys, TYPE_ONLY, (key, keyPath) -> {
            switch (key) {
                case "type" -> parts.type = new RawModel.Placed<>(in.readString(keyPath), in.where(keyPath));
                case "config" -> parts.config = readConfig(keyPath);
                case "parameters" -> readMatrices(keyPath, parts.parameters);
                case "state" -> {
                    if (optimizer) {
                        readOptimizerState(keyPath, parts.state);
                    } else {
                        readMatrices(keyPath, parts.state);
                    }
                }
                case "optimizer" -> parts.wrapped = readWrapped(keyPath);
                default -> parts.clipNorm = readClipNorm(keyPath);
            }
        });
        return parts;
    }

    /** A nested {@code "optimizer"}: the one a wrapping optimizer wraps. */
    private RawModel.Typed readWrapped(String path) throws IOException {
        if (++wrapping > MAX_WRAPPED) {
            throw in.fail(path, "expected at most " + MAX_WRAPPED + " optimizers wrapped one in another, found more");
        }
        RawModel.Typed wrapped = readTyped(path, WRAPPED_OPTIMIZER_KEYS);
        wrapping--;
        return wrapped;
    }

    /** A version-1 optimizer's {@code "clipNorm"}: a positive, finite number. */
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
        Where start = in.readNamedObject(path, MAX_NAMED, "of " + MAX_NAMED + " keys in one configuration",
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

    /** A layer's {@code "parameters"} or {@code "state"}: named matrices, checked against the layer later. */
    private void readMatrices(String path, Map<String, RawModel.Placed<Matrix>> into) throws IOException {
        in.readNamedObject(path, MAX_NAMED, "of " + MAX_NAMED + " keys in one layer's " + path.substring(
                path.lastIndexOf('.') + 1), (key, keyPath) -> {
                    Where where = in.where(keyPath);
                    into.put(key, new RawModel.Placed<>(matrices.readMatrix(keyPath), where));
                });
    }

    /**
     * The optimizer's {@code "state"}: at most {@value #MAX_SLOTS} keys {@code <slot>/<parameter path>} for each
     * parameter the layers declare and at most {@value #MAX_NAMED} other keys (an optimizer's own state, such as a
     * plug-in's step count), each counted as it is read, so the state cannot grow past what the model declares.
     * When the file puts {@code "optimizer"} before {@code "layers"}, the keys are only counted against
     * {@link ModelLimits#maxEntries()} here. Whether a key names a slot the optimizer keeps and a parameter the
     * model has, with the right shape and valid numbers, is checked when the model is assembled.
     */
    private void readOptimizerState(String path, Map<String, RawModel.Placed<Matrix>> into) throws IOException {
        int[] others = new int[1];
        in.readNamedObject(path, in.limits().maxEntries(), "ModelLimits.maxEntries = " + in.limits().maxEntries()
                + " keys in one object", (key, keyPath) -> {
                    if (parameterPaths != null) {
                        int slash = key.indexOf('/');
                        int[] count = slash < 0 ? null : parameterPaths.get(key.substring(slash + 1));
                        if (count != null && ++count[0] > MAX_SLOTS) {
                            throw in.fail(keyPath, "exceeds the limit of " + MAX_SLOTS + " state keys for the"
                                    + " parameter " + key.substring(slash + 1));
                        }
                        if (count == null && ++others[0] > MAX_NAMED) {
                            throw in.fail(keyPath, "exceeds the limit of " + MAX_NAMED + " state keys that name"
                                    + " no parameter of the layers");
                        }
                    }
                    Where where = in.where(keyPath);
                    into.put(key, new RawModel.Placed<>(matrices.readMatrix(keyPath), where));
                });
    }
}
