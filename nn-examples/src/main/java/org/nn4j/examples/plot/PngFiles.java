package org.nn4j.examples.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nn4j.core.files.AtomicWrite;

/** Writes charts as PNG files without ever leaving a half-written picture behind. */
final class PngFiles {

    private PngFiles() {
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
        AtomicWrite.bytes(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
