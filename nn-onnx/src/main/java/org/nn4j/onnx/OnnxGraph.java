package org.nn4j.onnx;

import java.util.ArrayList;
import java.util.List;
import org.nn4j.api.Matrix;

/**
 * A graph under construction: nodes in the order they run, each reading the tensor the previous one wrote, and the
 * constant tensors (weights, biases, means) they use. Tensor names follow nn4j's parameter paths, so a graph viewer
 * such as Netron shows {@code layers.0.weights} where nn4j says {@code layers[0].weights}.
 */
final class OnnxGraph {

    /** One operator: what it reads, what it writes, its attributes. */
    private record Node(String opType, String name, List<String> inputs, String output,
            List<ProtoWriter> attributes) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private String current;

    /** @param input the name of the graph's input tensor, which the first node reads */
    OnnxGraph(String input) {
        this.current = input;
    }

    /** The tensor the last node writes (the graph's input before any node is added). */
    String current() {
        return current;
    }

    /**
     * Adds a constant matrix of doubles.
     *
     * @param name the tensor's name
     * @param value the values
     * @param asVector whether to store a {@code 1×k} matrix as a vector of {@code k} (what broadcasting over rows
     *        wants)
     * @return the name
     */
    String constant(String name, Matrix value, boolean asVector) {
        long[] dims = asVector ? new long[] {value.size()} : new long[] {value.rows(), value.cols()};
        initializers.add(OnnxProto.doubleTensor(name, dims, value.toRowMajorArray()));
        return name;
    }

    /** Adds a constant scalar of type double. */
    String scalar(String name, double value) {
        initializers.add(OnnxProto.doubleTensor(name, new long[0], new double[] {value}));
        return name;
    }

    /**
     * Adds a node that reads the current tensor (then the extra inputs) and writes a new one, which becomes current.
     *
     * @param prefix names the node and its output ({@code prefix.opType})
     * @param opType the ONNX operator
     * @param extraInputs constant tensors the operator also reads
     * @param attributes the operator's attributes
     * @return the new current tensor's name
     */
    String apply(String prefix, String opType, List<String> extraInputs, List<ProtoWriter> attributes) {
        List<String> inputs = new ArrayList<>();
        inputs.add(current);
        inputs.addAll(extraInputs);
        return add(prefix, opType, inputs, attributes);
    }

    /**
     * Adds a node with the given inputs; its output becomes current.
     *
     * @param prefix names the node and its output ({@code prefix.opType})
     * @param opType the ONNX operator
     * @param inputs what it reads, in the operator's order
     * @param attributes the operator's attributes
     * @return the new current tensor's name
     */
    String add(String prefix, String opType, List<String> inputs, List<ProtoWriter> attributes) {
        String name = prefix + "." + opType;
        nodes.add(new Node(opType, name, List.copyOf(inputs), name, List.copyOf(attributes)));
        current = name;
        return name;
    }

    /**
     * Names the current tensor: the last node writes {@code name} instead (or, with no node yet, an Identity does).
     *
     * @param name the graph output's name
     */
    void nameCurrent(String name) {
        if (nodes.isEmpty()) {
            add(name, "Identity", List.of(current), List.of());
        }
        Node last = nodes.remove(nodes.size() - 1);
        nodes.add(new Node(last.opType(), last.name(), last.inputs(), name, last.attributes()));
        current = name;
    }

    /** The GraphProto: nodes, constants, the named inputs and outputs and their shapes. */
    ProtoWriter toProto(String name, String doc, List<ProtoWriter> inputs, List<ProtoWriter> outputs) {
        List<ProtoWriter> nodeProtos = new ArrayList<>();
        for (Node node : nodes) {
            nodeProtos.add(OnnxProto.node(node.opType(), node.name(), node.inputs(), List.of(node.output()),
                    node.attributes()));
        }
        return OnnxProto.graph(name, doc, nodeProtos, initializers, inputs, outputs);
    }
}
