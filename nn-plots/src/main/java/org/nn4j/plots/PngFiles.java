package org.nn4j.plots;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nn4j.core.files.AtomicWrite;

/**
 * Writes charts as PNG bytes. Every file nn-plots writes goes through {@link #write}: the picture's bytes go to an
 * {@link OutputStream} ({@link #writeTo}), and {@link AtomicWrite}, the helper every nn4j writer uses, replaces the
 * file only once they are all written, so no half-written picture is ever left behind.
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
     * Renders the chart and writes it with {@link AtomicWrite} (a unique temporary file next to {@code file},
     * renamed over it).
     *
     * @param chart the chart
     * @param file the PNG to write; its directory must exist
     * @throws IOException if the picture cannot be written
     */
    static void write(Chart<?, ?> chart, Path file) throws IOException {
        AtomicWrite.bytes(file, out -> writeTo(chart, out));
    }
}
