package org.nn4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * The README's "Serving with ONNX Runtime" code, which {@link ServeWithOnnxRuntimeTest} runs and compares with the
 * README: the lines between the two {@code README} comments are the README's block, word for word.
 */
final class ServeWithOnnxRuntime {

    private ServeWithOnnxRuntime() {
    }

    // README: serving starts
    /** The class probabilities of an exported nn4j classifier for some rows of raw (unstandardised) features. */
    static double[][] probabilities(String onnxFile, double[][] rows) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnxFile, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, rows);               // batch × features, doubles
             OrtSession.Result result = session.run(Map.of("input", input))) {
            return (double[][]) result.get("probabilities").orElseThrow().getValue();   // batch × classes
        }
    }
    // README: serving ends
}
