package org.nn4j.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file, the format of MNIST and Fashion-MNIST: a header, then unsigned bytes in row-major order.
 * <pre>
 *   bytes 0–1   0x00 0x00
 *   byte  2     element type: 0x08 = unsigned byte (the only type this reader accepts)
 *   byte  3     number of dimensions d (1 for labels, 3 for images)
 *   then        d big-endian 32-bit sizes (60000, 28, 28)
 *   then        size₁·size₂·…·size_d bytes, and nothing after them
 * </pre>
 * The file may be gzip-compressed, as the data sets are distributed ({@code .gz}); the reader looks at the first
 * two bytes, not the name. It is strict: a wrong magic number, another element type, a size of 0, sizes over
 * the limit ({@link #DEFAULT_LIMIT} unless given), missing data or bytes after the data each stop it with one
 * {@link IdxFormatException} naming the file. Up to 64 MiB of data is read straight into an array of the declared
 * size; beyond that the array grows as the data arrives, so a header that lies about its sizes costs little.
 *
 * @param dimensions the sizes, outermost first ({@code [60000, 28, 28]})
 * @param data the elements, row-major, as unsigned bytes (read with {@code b & 0xFF})
 */
public record IdxFile(int[] dimensions, byte[] data) {

    /** Unsigned bytes: the element type of every MNIST-family file. */
    private static final int UNSIGNED_BYTE = 0x08;
    /** The most dimensions a file may declare: images have three, the format's byte allows 255. */
    private static final int MAX_DIMENSIONS = 4;
    /**
     * The most data {@link #read(Path)} accepts: 256 MiB, five times MNIST's largest file (47 MB of training
     * images); {@link #read(Path, long)} takes another limit.
     */
    public static final long DEFAULT_LIMIT = 1L << 28;
    /** Up to this many bytes (Fashion-MNIST's 47 MB fits) are read straight into their array, without a copy. */
    private static final long EAGER_LIMIT = 1 << 26;
    /** The largest array the JVM allocates reliably. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * Keeps the sizes and the data as given (the data is not copied: this record is how the reader hands its
     * array over).
     *
     * @param dimensions the sizes, outermost first
     * @param data the elements, row-major
     */
    public IdxFile {
        dimensions = dimensions.clone();
    }

    /** @return a copy of the sizes, outermost first */
    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * @param index which dimension, from 0 (outermost)
     * @return its size
     */
    public int size(int index) {
        return dimensions[index];
    }

    /**
     * Reads an IDX file, gzip-compressed or plain.
     *
     * @param file the file
     * @return its sizes and data
     * @throws IOException if the file cannot be read
     * @throws IdxFormatException if it is not a well-formed IDX file of unsigned bytes (the message names the file)
     */
    public static IdxFile read(Path file) throws IOException {
        return read(file, DEFAULT_LIMIT);
    }

    /**
     * Reads an IDX file, gzip-compressed or plain, refusing one whose header declares more than {@code limit}
     * bytes of data before reading any of it (a few hundred bytes of gzip can expand to gigabytes).
     *
     * @param file the file
     * @param limit the most bytes of data to accept, at least 1
     * @return its sizes and data
     * @throws IOException if the file cannot be read
     * @throws IdxFormatException if it is not a well-formed IDX file of unsigned bytes, or declares more than
     *     {@code limit} bytes (the message names the file)
     */
    public static IdxFile read(Path file, long limit) throws IOException {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return read(name, in, limit);
            } catch (ZipException | EOFException e) {
                throw new IdxFormatException(name, "damaged gzip data (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Reads IDX data from a stream (already decompressed), to its end, with the {@link #DEFAULT_LIMIT}.
     *
     * @param name the name to put in error messages
     * @param in the stream; read to its end, not closed
     * @return the sizes and data
     * @throws IOException if the stream cannot be read
     * @throws IdxFormatException if it is not a well-formed IDX file of unsigned bytes
     */
    public static IdxFile read(String name, InputStream in) throws IOException {
        return read(name, in, DEFAULT_LIMIT);
    }

    private static IdxFile read(String name, InputStream in, long limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("IdxFile.read: the limit must be at least 1 byte, got " + limit);
        }
        DataInputStream header = new DataInputStream(in);
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new IdxFormatException(name, "too short for an IDX header: " + magic.length + " bytes");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(name, String.format("not an IDX file: the magic number starts with"
                    + " 0x%02X 0x%02X, expected 0x00 0x00", magic[0] & 0xFF, magic[1] & 0xFF));
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new IdxFormatException(name, String.format("element type 0x%02X is not supported; only"
                    + " unsigned bytes (0x08) are", magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_DIMENSIONS) {
            throw new IdxFormatException(name, "declares " + rank + " dimensions; expected 1 to " + MAX_DIMENSIONS);
        }
        int[] dimensions = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dimensions[i] = header.readInt();
            } catch (EOFException e) {
                throw new IdxFormatException(name, "truncated header: it ends before size " + (i + 1) + " of "
                        + rank);
            }
            if (dimensions[i] < 1) {
                throw new IdxFormatException(name, "size " + (i + 1) + " is " + dimensions[i]
                        + "; sizes must be at least 1");
            }
            elements *= dimensions[i];
            if (elements > Math.min(limit, MAX_ELEMENTS)) {
                throw new IdxFormatException(name, "the sizes " + describe(Arrays.copyOf(dimensions, i + 1))
                        + " declare more than " + Math.min(limit, MAX_ELEMENTS) + " bytes of data"
                        + (limit < MAX_ELEMENTS ? ", the reader's limit" : ", more than one array can hold"));
            }
        }
        byte[] data;
        int found;
        if (elements <= EAGER_LIMIT) {
            data = new byte[(int) elements];
            found = in.readNBytes(data, 0, data.length);
        } else {
            // readNBytes(n) grows its buffers as bytes arrive, so a lying header costs no more than the file holds
            data = in.readNBytes((int) elements);
            found = data.length;
        }
        if (found < elements) {
            throw new IdxFormatException(name, "truncated: the header declares " + describe(dimensions) + " = "
                    + elements + " bytes of data, found " + found);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(name, "bytes after the " + describe(dimensions)
                    + " data the header declares");
        }
        return new IdxFile(dimensions, data);
    }

    /** @return the sizes as {@code 60000×28×28} */
    static String describe(int[] dimensions) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dimensions.length; i++) {
            s.append(i == 0 ? "" : "×").append(dimensions[i]);
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxFile other && Arrays.equals(dimensions, other.dimensions)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxFile[" + describe(dimensions) + "]";
    }
}
