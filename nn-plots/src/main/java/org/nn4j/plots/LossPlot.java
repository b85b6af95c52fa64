package org.nn4j.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nn4j.core.model.TrainingHistory;

/**
 * The loss curve the blog ends with: training loss per epoch and, when it was measured, the validation loss
 * ({@code val_loss}), on a linear or a logarithmic axis.
 *
 * <p>From JShell or a notebook, with nn-core and nn-plots on the class path:
 * <pre>
 *   jshell&gt; var x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
 *   jshell&gt; var y = Matrix.columnVector(0, 1, 1, 0);
 *   jshell&gt; var model = BlogNetwork.create(42, 2.0);
 *   jshell&gt; var history = model.fit(x, y, 2000);
 *   jshell&gt; LossPlot.write(history, Path.of("loss.png"));               // a PNG file
 *   jshell&gt; BufferedImage picture = LossPlot.image(history);            // a picture for a notebook to show
 *   jshell&gt; XYChart chart = LossPlot.chart(history, "XOR", true);       // XChart's chart, log scale
 * </pre>
 */
public final class LossPlot {

    /** Width of the picture in pixels. */
    public static final int WIDTH = 800;
    /** Height of the picture in pixels. */
    public static final int HEIGHT = 500;

    private LossPlot() {
    }

    /**
     * Draws the curve.
     *
     * @param history what training measured
     * @param title the chart's title
     * @param logScale whether the loss axis is logarithmic
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT} pixels
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite (or, on a log scale, not
     *         positive)
     */
    public static XYChart chart(TrainingHistory history, String title, boolean logScale) {
        if (history.epochs() == 0) {
            throw new IllegalArgumentException("loss plot: no epoch was trained, there is nothing to draw");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(logScale ? "loss (log scale)" : "loss").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(logScale);
        chart.getStyler().setXAxisDecimalPattern("0");
        if (!logScale) {
            chart.getStyler().setYAxisDecimalPattern("0.0###");
        }
        addSeries(chart, "training loss", history.recordedEpochs(), history.loss(), logScale, new Color(31, 119, 180));
        List<Double> validation = history.metric("val_loss");
        if (!validation.isEmpty()) {
            addSeries(chart, "validation loss", history.recordedEpochs(), validation, logScale, new Color(255, 127, 14));
        }
        // XChart puts a tick at nearly every sample when all x values are equally spaced, as epochs are, and the
        // labels run into each other (knowm/XChart issue 731). One invisible point between epochs 0 and 1 makes
        // it choose round steps (0, 200, 400, ...) instead.
        XYSeries spacing = chart.addSeries(" ", new double[] {0.5}, new double[] {history.loss().get(0)});
        spacing.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        spacing.setMarker(SeriesMarkers.NONE);
        spacing.setShowInLegend(false);
        return chart;
    }

    /**
     * Draws the curve, titled "Loss", on a linear axis.
     *
     * @param history what training measured
     * @return the chart, {@value #WIDTH}×{@value #HEIGHT} pixels
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite
     */
    public static XYChart chart(TrainingHistory history) {
        return chart(history, "Loss", false);
    }

    /**
     * Draws the curve, titled "Loss", on a linear axis, as a picture.
     *
     * @param history what training measured
     * @return the picture, {@value #WIDTH}×{@value #HEIGHT} pixels
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite
     */
    public static BufferedImage image(TrainingHistory history) {
        return image(history, "Loss", false);
    }

    /**
     * Draws the curve as a picture.
     *
     * @param history what training measured
     * @param title the chart's title
     * @param logScale whether the loss axis is logarithmic
     * @return the picture, {@value #WIDTH}×{@value #HEIGHT} pixels
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite (or, on a log scale, not
     *         positive)
     */
    public static BufferedImage image(TrainingHistory history, String title, boolean logScale) {
        return BitmapEncoder.getBufferedImage(chart(history, title, logScale));
    }

    /**
     * Draws the curve, titled "Loss", on a linear axis, and writes it as a PNG file.
     *
     * @param history what training measured
     * @param file the PNG to write (replaced atomically: a crash leaves the old file or the new one)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite
     */
    public static void write(TrainingHistory history, Path file) throws IOException {
        write(history, "Loss", false, file);
    }

    /**
     * Draws the curve and writes it as PNG bytes to a stream, which stays open.
     *
     * @param history what training measured
     * @param title the chart's title
     * @param logScale whether the loss axis is logarithmic
     * @param out where the PNG's bytes go
     * @throws IOException if the stream cannot be written
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite (or, on a log scale, not
     *         positive)
     */
    public static void writePng(TrainingHistory history, String title, boolean logScale, OutputStream out)
            throws IOException {
        PngFiles.writeTo(chart(history, title, logScale), out);
    }

    /**
     * Draws the curve and writes it as a PNG file.
     *
     * @param history what training measured
     * @param title the chart's title
     * @param logScale whether the loss axis is logarithmic
     * @param file the PNG to write (replaced atomically: a crash leaves the old file or the new one)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if no epoch was trained, or a loss is not finite (or, on a log scale, not
     *         positive)
     */
    public static void write(TrainingHistory history, String title, boolean logScale, Path file) throws IOException {
        PngFiles.write(chart(history, title, logScale), file);
    }

    /** One curve over the recorded epochs (every epoch, or every k-th of a very long run: see TrainingHistory). */
    private static void addSeries(XYChart chart, String name, List<Integer> recorded, List<Double> loss,
            boolean logScale, Color color) {
        double[] epochs = new double[loss.size()];
        double[] values = new double[loss.size()];
        for (int i = 0; i < values.length; i++) {
            double v = loss.get(i);
            if (!Double.isFinite(v) || (logScale && v <= 0)) {
                throw new IllegalArgumentException("loss plot: " + name + " at epoch " + recorded.get(i) + " is " + v
                        + (logScale ? ", which a log scale cannot show" : ""));
            }
            epochs[i] = recorded.get(i);
            values[i] = v;
        }
        XYSeries series = chart.addSeries(name, epochs, values);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
    }
}
