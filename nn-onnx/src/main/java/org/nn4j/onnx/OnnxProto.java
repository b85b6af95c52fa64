package org.nn4j.onnx;

import java.util.List;
import java.util.Map;

/**
 * The few ONNX messages an exported model uses, each built with its field numbers from {@code onnx.proto} (the ONNX
 * specification's protobuf schema; the numbers are part of the file format and never change).
 * <pre>
 *   ModelProto        1 ir_version  2 producer_name  7 graph  8 opset_import  14 metadata_props
 *   OperatorSetIdProto            1 domain  2 version
 *   StringStringEntryProto        1 key  2 value
 *   GraphProto        1 node  2 name  5 initializer  10 doc_string  11 input  12 output
 *   NodeProto         1 input  2 output  3 name  4 op_type  5 attribute
 *   AttributeProto    1 name  3 i  20 type (INT = 2)
 *   TensorProto       1 dims  2 data_type (DOUBLE = 11)  8 name  10 double_data
 *   ValueInfoProto    1 name  2 type
 *   TypeProto         1 tensor_type  →  TypeProto.Tensor  1 elem_type  2 shape
 *   TensorShapeProto  1 dim  →  Dimension  1 dim_value  2 dim_param
 * </pre>
 */
final class OnnxProto {

    /** TensorProto.DataType DOUBLE: nn4j computes in doubles, and the export keeps them. */
    static final int DOUBLE = 11;
    /** IR version 7 goes with opset 13 (ONNX 1.8), which every current runtime reads. */
    static final long IR_VERSION = 7;
    /** The default ("ai.onnx") operator set the graph uses. */
    static final long OPSET = 13;

    private static final int ATTRIBUTE_INT = 2;

    private OnnxProto() {
    }

    /** A ModelProto: the graph, the operator set it needs, who wrote it, and string metadata. */
    static ProtoWriter model(String producer, ProtoWriter graph, Map<String, String> metadata) {
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, producer)
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        metadata.forEach((key, value) -> model.message(14, new ProtoWriter().string(1, key).string(2, value)));
        return model;
    }

    /** A GraphProto: nodes in execution order, the constant tensors they read, and the graph's inputs and outputs. */
    static ProtoWriter graph(String name, String doc, List<ProtoWriter> nodes, List<ProtoWriter> initializers,
            List<ProtoWriter> inputs, List<ProtoWriter> outputs) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, name);
        initializers.forEach(tensor -> graph.message(5, tensor));
        graph.string(10, doc);
        inputs.forEach(input -> graph.message(11, input));
        outputs.forEach(output -> graph.message(12, output));
        return graph;
    }

    /** A NodeProto: one operator applied to named inputs, producing named outputs. */
    static ProtoWriter node(String opType, String name, List<String> inputs, List<String> outputs,
            List<ProtoWriter> attributes) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(input -> node.string(1, input));
        outputs.forEach(output -> node.string(2, output));
        node.string(3, name).string(4, opType);
        attributes.forEach(attribute -> node.message(5, attribute));
        return node;
    }

    /** An AttributeProto holding one integer. */
    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    /** A TensorProto of doubles in row-major order. */
    static ProtoWriter doubleTensor(String name, long[] dims, double[] values) {
        return new ProtoWriter().packedVarints(1, dims).varint(2, DOUBLE).string(8, name).packedDoubles(10, values);
    }

    /**
     * A ValueInfoProto for a 2-D tensor of doubles whose first dimension (the batch) is named, not fixed.
     *
     * @param name the tensor's name
     * @param batch the first dimension's name, such as {@code "batch"}
     * @param columns the second dimension
     */
    static ProtoWriter matrixValueInfo(String name, String batch, long columns) {
        ProtoWriter shape = new ProtoWriter()
                .message(1, new ProtoWriter().string(2, batch))
                .message(1, new ProtoWriter().varint(1, columns));
        ProtoWriter tensorType = new ProtoWriter().varint(1, DOUBLE).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
