package org.nn4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one protocol-buffers message, field by field: the whole of the protobuf encoding an ONNX file needs.
 * <pre>
 *   a field    = key, then its value;   key = (field number &lt;&lt; 3) | wire type
 *   wire type 0, varint:             int32, int64, enum: 7 bits per byte, low bits first, high bit = "more follows"
 *   64-bit values (double):          8 bytes little-endian (here only inside packed fields)
 *   wire type 2, length-delimited:   string (UTF-8), bytes, a nested message, a packed repeated field:
 *                                    the length as a varint, then that many bytes
 * </pre>
 * A reader accepts fields in any order; this writer writes them in the order they are called, so the output is a pure
 * function of the calls and an exported model is byte-for-byte reproducible. The encoding is the one the protobuf
 * documentation describes ("Encoding").
 */
final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** An integer or enum field ({@code int32}, {@code int64}, an enum), as a varint. */
    ProtoWriter varint(int field, long value) {
        key(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** A {@code string} field, in UTF-8. */
    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code bytes} field. */
    ProtoWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        bytes.writeBytes(value);
        return this;
    }

    /** A nested message field. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A packed {@code repeated int64} field: one length, then the varints. */
    ProtoWriter packedVarints(int field, long... values) {
        ProtoWriter packed = new ProtoWriter();
        for (long v : values) {
            packed.rawVarint(v);
        }
        return bytes(field, packed.toByteArray());
    }

    /** A packed {@code repeated double} field: one length, then 8 little-endian bytes per value. */
    ProtoWriter packedDoubles(int field, double... values) {
        ProtoWriter packed = new ProtoWriter();
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            for (int i = 0; i < 8; i++) {
                packed.bytes.write((int) (bits >>> (8 * i)));
            }
        }
        return bytes(field, packed.toByteArray());
    }

    /** The message written so far. */
    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void key(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    /** 7 bits at a time, lowest first; a negative int64 takes all ten bytes, as protobuf requires. */
    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        bytes.write((int) v);
    }
}
