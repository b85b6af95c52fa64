package org.nn4j.core.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: a header of unsigned bytes and the given sizes, then the data. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** @return the bytes of an IDX file of unsigned bytes with these sizes and data */
    static byte[] idx(byte[] data, int... dimensions) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, 0x08, (byte) dimensions.length});
        for (int d : dimensions) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    /** Writes bytes to a file, gzip-compressed if asked. */
    static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** @return {@code n} images of {@code h×w} whose pixel {@code (i, r, c)} is {@code (7i + 3r + c) mod 256} */
    static byte[] pixels(int n, int h, int w) {
        byte[] p = new byte[n * h * w];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    p[(i * h + r) * w + c] = (byte) ((7 * i + 3 * r + c) % 256);
                }
            }
        }
        return p;
    }
}
