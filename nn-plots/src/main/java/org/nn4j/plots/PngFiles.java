package org.nn4j.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG bytes. Every file nn-plots writes goes through {@link #write}: the picture's bytes go to an
 * {@link OutputStream} ({@link #writeTo}), and the file is replaced only once they are all written, so no
 * half-written picture is ever left behind.
 */
final class PngFiles {

    private PngFiles() {
    }

    /**
     * Encodes the chart as PNG bytes into a stream, which stays open.
     *
     * @param chart the chart
     * @param out where the bytes go
     * @throws IOException if the stream cannot be written
     */
    static void writeTo(Chart<?, ?> chart, OutputStream out) throws IOException {
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Renders the chart into a temporary file next to {@code file} ({@code .<name>.part}), then renames it over
     * {@code file}.
     *
     * @param chart the chart
     * @param file the PNG to write; its directory must exist
     * @throws IOException if the picture cannot be written
     */
    static void write(Chart<?, ?> chart, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        // A sibling, so the rename stays on one file system; created like any new file (not owner-only, as
        // Files.createTempFile would make it).
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                writeTo(chart, stream);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
