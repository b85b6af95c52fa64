package org.nn4j.onnx;

import java.util.List;

/**
 * A model that cannot be exported: some of its layers have no ONNX form. The message names each by its position and
 * description, such as
 * {@code cannot export to ONNX: layers[2] Swish has no ONNX form (of 4 layers; exportable: ...)}.
 */
public final class OnnxExportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What {@link OnnxExport} can write, for the message. */
    static final String EXPORTABLE = "Dense, Standardize, Dropout, Softmax and the activations Identity, Sigmoid, "
            + "Tanh, Relu, LeakyRelu, Softplus";

    /** The refused layers, each as {@code layers[i] description}. */
    private final List<String> layers;

    OnnxExportException(List<String> layers, int layerCount) {
        super("cannot export to ONNX: " + String.join(", ", layers) + (layers.size() == 1 ? " has" : " have")
                + " no ONNX form (of " + layerCount + " layers; exportable: " + EXPORTABLE + ")");
        this.layers = List.copyOf(layers);
    }

    /** @return the refused layers, each as {@code layers[i] description}, in model order */
    public List<String> layers() {
        return layers;
    }
}
