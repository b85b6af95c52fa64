/**
 * ONNX export: {@link org.nn4j.onnx.OnnxExport} writes a trained {@code Sequential} of nn4j's built-in layers as an
 * ONNX model that ONNX Runtime (or any ONNX runtime) serves without nn4j. The few protobuf messages an ONNX file needs
 * are encoded by hand ({@code ProtoWriter}, {@code OnnxProto}), with their field numbers from the ONNX
 * specification, so the module needs no protobuf library.
 */
package org.nn4j.onnx;
