package org.nn4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import org.nn4j.api.Matrix;

/** Runs an exported model in ONNX Runtime (its Java API, with the native library its jar carries). */
final class OnnxRuntimeRunner implements AutoCloseable {

    private final OrtSession session;

    /** @param onnx the bytes of an ONNX model */
    OnnxRuntimeRunner(byte[] onnx) throws OrtException {
        this.session = OrtEnvironment.getEnvironment().createSession(onnx, new OrtSession.SessionOptions());
    }

    OrtSession session() {
        return session;
    }

    /** Runs the graph on the inputs and returns one of its outputs. */
    Matrix run(Matrix inputs, String output) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, inputs.toArray());
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, tensor))) {
            double[][] values = (double[][]) result.get(output).orElseThrow().getValue();
            return Matrix.of(values);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
