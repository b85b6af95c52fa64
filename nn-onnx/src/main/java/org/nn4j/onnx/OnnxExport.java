package org.nn4j.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.files.AtomicWrite;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;

/**
 * Writes a trained {@link Sequential} as an ONNX model, so that ONNX Runtime, or any other ONNX runtime, can serve
 * it without nn4j. Each built-in layer becomes the ONNX operators that compute the same thing, in doubles:
 * <pre>
 *   nn4j layer                      ONNX operators (opset 13)               tensors
 *   Dense(k→m)                      Gemm(x, W, b)  = x·W + b                W: k×m, b: m    (layers.i.weights, .bias)
 *   Sigmoid, Tanh, Relu             Sigmoid, Tanh, Relu
 *   LeakyRelu(α)                    Max(x, α·x)                              α as a double   (see below)
 *   Softplus                        Relu(x) + Log(1 + Exp(−|x|))           nn4j's overflow-free form
 *   Identity activation, Dropout    nothing (Dropout is the identity when a trained model predicts)
 *   Softmax                         Softmax(axis = −1)
 *   Standardize                     Div(Sub(x, μ), σ)                       μ, σ: k          (layers.i.mean, .deviation)
 * </pre>
 * The graph has one input, {@value #INPUT}: {@code batch × inputs} doubles, and one output, {@value #OUTPUT}: what
 * {@link Sequential#predict} returns, {@code batch × outputs}. A model trained with {@link SoftmaxCrossEntropy}
 * predicts logits; its graph has a second output, {@value #PROBABILITIES}, their softmax. The model's feature and
 * class names ({@link ModelNames}), when it has them, go into the model's metadata as JSON arrays under
 * {@value #FEATURES_KEY} and {@value #CLASSES_KEY}, and its {@link Sequential#summary() summary} into the graph's
 * documentation.
 *
 * <p>Everything is exported in double precision, nn4j's own, so ONNX Runtime gives nn4j's outputs to within rounding
 * (the tests check 1e-6; the differences seen are below 1e-13). LeakyRelu and Softplus are written as small
 * compositions rather than ONNX's {@code LeakyRelu} and {@code Softplus} operators because ONNX Runtime has no
 * double-precision kernel for those two (and {@code LeakyRelu}'s α attribute is a float).
 *
 * <p>A layer with no ONNX form here (a plug-in layer or activation, for example) is refused with an
 * {@link OnnxExportException} that names every such layer by its position and description, before anything is
 * written. Nothing here changes the model.
 * <pre>
 *   Sequential model = ...;                       // trained
 *   OnnxExport.write(model, Path.of("model.onnx"));
 * </pre>
 */
public final class OnnxExport {

    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The graph output's name: what {@link Sequential#predict} returns. */
    public static final String OUTPUT = "output";
    /** The second output of a model trained on logits ({@link SoftmaxCrossEntropy}): their softmax. */
    public static final String PROBABILITIES = "probabilities";
    /** Metadata key of the feature names, a JSON array of strings. */
    public static final String FEATURES_KEY = "nn4j.features";
    /** Metadata key of the class names, a JSON array of strings. */
    public static final String CLASSES_KEY = "nn4j.classes";
    /** The model's {@code producer_name}. */
    public static final String PRODUCER = "nn4j";

    private OnnxExport() {
    }

    /**
     * Encodes the model as the bytes of an ONNX file. The same model always gives the same bytes.
     *
     * @param model a model of built-in layers
     * @return the ONNX model
     * @throws OnnxExportException if a layer has no ONNX form (the message names each one)
     */
    public static byte[] toBytes(Sequential model) {
        Objects.requireNonNull(model, "model");
        List<String> refusals = new ArrayList<>();
        OnnxGraph graph = new OnnxGraph(INPUT);
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!translate(graph, "layers." + i, layer)) {
                refusals.add("layers[" + i + "] " + layer.describe());
            }
        }
        if (!refusals.isEmpty()) {
            throw new OnnxExportException(refusals, layers.size());
        }
        graph.nameCurrent(OUTPUT);
        List<ProtoWriter> outputs = new ArrayList<>();
        outputs.add(OnnxProto.matrixValueInfo(OUTPUT, "batch", model.outputSize()));
        if (model.loss() instanceof SoftmaxCrossEntropy) {
            graph.add(PROBABILITIES, "Softmax", List.of(OUTPUT), List.of(OnnxProto.intAttribute("axis", -1)));
            graph.nameCurrent(PROBABILITIES);
            outputs.add(OnnxProto.matrixValueInfo(PROBABILITIES, "batch", model.outputSize()));
        }
        ProtoWriter graphProto = graph.toProto("nn4j Sequential", model.summary(),
                List.of(OnnxProto.matrixValueInfo(INPUT, "batch", model.inputSize())), outputs);
        return OnnxProto.model(PRODUCER, graphProto, metadata(model.names())).toByteArray();
    }

    /**
     * Writes the model's ONNX bytes to a stream, which stays open.
     *
     * @param model a model of built-in layers
     * @param out where the bytes go
     * @throws IOException if the stream cannot be written
     * @throws OnnxExportException if a layer has no ONNX form (nothing is written then)
     */
    public static void write(Sequential model, OutputStream out) throws IOException {
        out.write(toBytes(model));
    }

    /**
     * Writes the model as an ONNX file, replaced atomically (a crash leaves the old file or the whole new one).
     *
     * @param model a model of built-in layers
     * @param file the {@code .onnx} file to create or replace
     * @throws IOException if the file cannot be written
     * @throws OnnxExportException if a layer has no ONNX form (the file is then not touched)
     */
    public static void write(Sequential model, Path file) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicWrite.bytes(file, out -> out.write(bytes));
    }

    /**
     * Reads a model saved by nn4j ({@link ModelFormat}) and writes it as an ONNX file.
     *
     * @param modelFile a model saved as JSON
     * @param onnxFile the {@code .onnx} file to create or replace
     * @return the model that was exported
     * @throws IOException if the model cannot be read (an {@code org.nn4j.io.ModelFormatException} for a file that is
     *         not a model) or the ONNX file cannot be written
     * @throws OnnxExportException if a layer has no ONNX form
     */
    public static Sequential convert(Path modelFile, Path onnxFile) throws IOException {
        Sequential model = ModelFormat.standard().load(modelFile);
        write(model, onnxFile);
        return model;
    }

    /** Adds the layer's operators; false if it has none. */
    private static boolean translate(OnnxGraph graph, String path, Layer layer) {
        if (layer instanceof Dense dense) {
            String weights = graph.constant(path + ".weights", dense.weights().value(), false);
            String bias = graph.constant(path + ".bias", dense.bias().value(), true);
            graph.apply(path, "Gemm", List.of(weights, bias), List.of());
            return true;
        }
        if (layer instanceof ActivationLayer activation) {
            return activation(graph, path, activation.activation());
        }
        if (layer instanceof Softmax) {
            graph.apply(path, "Softmax", List.of(), List.of(OnnxProto.intAttribute("axis", -1)));
            return true;
        }
        if (layer instanceof Standardize standardize) {
            Map<String, Matrix> state = standardize.state();
            String mean = graph.constant(path + ".mean", state.get("mean"), true);
            String deviation = graph.constant(path + ".deviation", state.get("deviation"), true);
            graph.apply(path, "Sub", List.of(mean), List.of());
            graph.apply(path, "Div", List.of(deviation), List.of());
            return true;
        }
        return layer instanceof Dropout;
    }

    /** Adds an activation's operators; false if it has none. */
    private static boolean activation(OnnxGraph graph, String path, Activation activation) {
        if (activation instanceof Identity) {
            return true;
        }
        if (activation instanceof Sigmoid || activation instanceof Tanh || activation instanceof Relu) {
            graph.apply(path, activation.getClass().getSimpleName(), List.of(), List.of());
            return true;
        }
        if (activation instanceof LeakyRelu leaky) {
            // max(x, α·x) with 0 ≤ α < 1 (LeakyRelu checks it): x where x > 0, α·x elsewhere, the doubles nn4j computes.
            String x = graph.current();
            String alpha = graph.scalar(path + ".alpha", leaky.alpha());
            String scaled = graph.apply(path + ".scaled", "Mul", List.of(alpha), List.of());
            graph.add(path, "Max", List.of(x, scaled), List.of());
            return true;
        }
        if (activation instanceof Softplus) {
            // max(x, 0) + log(1 + e^(−|x|)), as nn4j computes it (log1p is Log(1 + ·) here).
            String x = graph.current();
            String positive = graph.apply(path + ".positive", "Relu", List.of(), List.of());
            graph.add(path + ".magnitude", "Abs", List.of(x), List.of());
            graph.apply(path + ".magnitude", "Neg", List.of(), List.of());
            graph.apply(path + ".magnitude", "Exp", List.of(), List.of());
            String one = graph.scalar(path + ".one", 1.0);
            graph.apply(path + ".magnitude", "Add", List.of(one), List.of());
            String log = graph.apply(path + ".magnitude", "Log", List.of(), List.of());
            graph.add(path, "Add", List.of(positive, log), List.of());
            return true;
        }
        return false;
    }

    /** The feature and class names as JSON arrays, when the model has them. */
    private static Map<String, String> metadata(ModelNames names) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!names.features().isEmpty()) {
            metadata.put(FEATURES_KEY, JsonStrings.array(names.features()));
        }
        if (!names.classes().isEmpty()) {
            metadata.put(CLASSES_KEY, JsonStrings.array(names.classes()));
        }
        return metadata;
    }
}
