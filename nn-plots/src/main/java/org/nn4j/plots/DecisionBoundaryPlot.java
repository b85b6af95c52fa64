package org.nn4j.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nn4j.api.Matrix;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;

/**
 * The picture TensorFlow Playground made famous: what a model with two inputs answers everywhere on the input
 * plane, as a colour map, with the training points on top.
 *
 * <p>The plane (the training points' range plus a margin) is cut into a {@value #CELLS}×{@value #CELLS} grid and the
 * model predicts every cell's centre in one batch. With one output (a probability, as in XOR) the colour runs from
 * class 0's colour through white at 0.5 to class 1's, in {@value #LEVELS} steps, so the decision boundary is where
 * the map turns white. With several outputs each cell takes the colour of its most likely class, paler where the
 * model is less sure. Training points are coloured by their target: the value rounded for one output, the largest
 * column for one-hot targets. A model trained with {@link SoftmaxCrossEntropy} outputs logits; the map shows their
 * softmax, the class probabilities.
 *
 * <p>From JShell or a notebook, with nn-core and nn-plots on the class path:
 * <pre>
 *   jshell&gt; var data = TeachingSets.spirals(100, 3, 0.2, new NumpyRandom(7));
 *   jshell&gt; var model = Sequential.builder().input(2).dense(64).activation(new Relu()).dense(3)
 *      ...&gt;         .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).seed(7).build();
 *   jshell&gt; model.fit(data.inputs(), data.targets(), 500);
 *   jshell&gt; DecisionBoundaryPlot.write(model, data.inputs(), data.targets(), "Spirals", Path.of("spirals.png"));
 *   jshell&gt; BufferedImage picture = DecisionBoundaryPlot.image(model, data.inputs(), data.targets(), "Spirals");
 * </pre>
 * {@link #chart} gives the XChart chart itself, to show in a window ({@code new SwingWrapper<>(chart).displayChart()})
 * or export in another format.
 */
public final class DecisionBoundaryPlot {

    /** Width of the picture in pixels. */
    public static final int WIDTH = 760;
    /** Height of the picture in pixels. */
    public static final int HEIGHT = 640;
    /** Grid cells along each axis. */
    public static final int CELLS = 120;
    /** Colour steps between the two classes of a one-output model. */
    public static final int LEVELS = 20;

    private static final Color[] CLASS_COLORS = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(255, 127, 14), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
    };

    private DecisionBoundaryPlot() {
    }

    /**
     * Draws the map and the points as a chart of {@value #WIDTH}×{@value #HEIGHT} pixels.
     *
     * <p>The map's cells are sized for that size: the chart is rendered once here to measure them, so show or save it
     * at {@value #WIDTH}×{@value #HEIGHT} (as {@link #image} and {@link #write} do).
     *
     * @param model a model with two inputs
     * @param inputs the training inputs, {@code n×2}
     * @param targets the training targets, {@code n×outputs}
     * @param title the chart's title
     * @return the chart
     * @throws IllegalArgumentException if the model does not have two inputs or the data does not fit it
     */
    public static XYChart chart(Sequential model, Matrix inputs, Matrix targets, String title) {
        CellMarker cell = new CellMarker(CELLS, (double) WIDTH / CELLS);
        XYChart chart = chart(model, inputs, targets, title, cell);
        BitmapEncoder.getBufferedImage(chart);
        cell.measure();
        return chart;
    }

    /**
     * Draws the map and the points as a picture, for a notebook to show.
     *
     * @param model a model with two inputs
     * @param inputs the training inputs, {@code n×2}
     * @param targets the training targets, {@code n×outputs}
     * @param title the chart's title
     * @return the picture, {@value #WIDTH}×{@value #HEIGHT} pixels
     * @throws IllegalArgumentException if the model does not have two inputs or the data does not fit it
     */
    public static BufferedImage image(Sequential model, Matrix inputs, Matrix targets, String title) {
        return BitmapEncoder.getBufferedImage(chart(model, inputs, targets, title));
    }

    /**
     * Draws the map and the points and writes them as a PNG file.
     *
     * @param model a model with two inputs
     * @param inputs the training inputs, {@code n×2}
     * @param targets the training targets, {@code n×outputs}
     * @param title the chart's title
     * @param file the PNG to write (replaced atomically: a crash leaves the old file or the new one)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the model does not have two inputs or the data does not fit it
     */
    public static void write(Sequential model, Matrix inputs, Matrix targets, String title, Path file)
            throws IOException {
        PngFiles.write(chart(model, inputs, targets, title), file);
    }

    /**
     * Draws the map and the points and writes them as PNG bytes to a stream, which stays open.
     *
     * @param model a model with two inputs
     * @param inputs the training inputs, {@code n×2}
     * @param targets the training targets, {@code n×outputs}
     * @param title the chart's title
     * @param out where the PNG's bytes go
     * @throws IOException if the stream cannot be written
     * @throws IllegalArgumentException if the model does not have two inputs or the data does not fit it
     */
    public static void writePng(Sequential model, Matrix inputs, Matrix targets, String title, OutputStream out)
            throws IOException {
        PngFiles.writeTo(chart(model, inputs, targets, title), out);
    }

    private static XYChart chart(Sequential model, Matrix inputs, Matrix targets, String title, CellMarker cell) {
        if (model.inputSize() != 2) {
            throw new IllegalArgumentException("decision boundary: the model has " + model.inputSize()
                    + " inputs, a map of the plane needs 2");
        }
        if (inputs.cols() != 2 || targets.cols() != model.outputSize() || inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("decision boundary: inputs " + inputs.shape() + " and targets "
                    + targets.shape() + " do not fit a model with 2 inputs and " + model.outputSize() + " outputs");
        }
        double[] xRange = range(inputs, 0);
        double[] yRange = range(inputs, 1);
        String key = model.outputSize() == 1 ? "colour: model output, blue 0 · white 0.5 · red 1"
                : "colour: most likely class, stronger where the model is surer";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("input 1        (" + key + ")").yAxisTitle("input 2").build();
        XYStyler styler = chart.getStyler();
        styler.setPlotContentSize(1.0);
        styler.setPlotMargin(0);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setMarkerSize(10);
        styler.setXAxisMin(xRange[0]);
        styler.setXAxisMax(xRange[1]);
        styler.setYAxisMin(yRange[0]);
        styler.setYAxisMax(yRange[1]);

        addMap(chart, model, xRange, yRange, cell);
        addPoints(chart, inputs, targets, Math.max(2, model.outputSize()));
        return chart;
    }

    /** The points' range along one column, widened by 15% on each side. */
    private static double[] range(Matrix inputs, int column) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < inputs.rows(); r++) {
            lo = Math.min(lo, inputs.get(r, column));
            hi = Math.max(hi, inputs.get(r, column));
        }
        double margin = hi > lo ? 0.15 * (hi - lo) : 0.5;
        return new double[] {lo - margin, hi + margin};
    }

    private static void addMap(XYChart chart, Sequential model, double[] xRange, double[] yRange, CellMarker cell) {
        double dx = (xRange[1] - xRange[0]) / CELLS;
        double dy = (yRange[1] - yRange[0]) / CELLS;
        Matrix grid = Matrix.zeros(CELLS * CELLS, 2);
        for (int i = 0; i < CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                grid.set(i * CELLS + j, 0, xRange[0] + (j + 0.5) * dx);
                grid.set(i * CELLS + j, 1, yRange[0] + (i + 0.5) * dy);
            }
        }
        Matrix output = outputs(model, grid);
        ColorLevels levels = model.outputSize() == 1 ? ColorLevels.twoClasses(output, LEVELS)
                : ColorLevels.manyClasses(output, 5);
        List<List<Integer>> cellsPerLevel = new ArrayList<>();
        for (int l = 0; l < levels.count(); l++) {
            cellsPerLevel.add(new ArrayList<>());
        }
        for (int r = 0; r < grid.rows(); r++) {
            cellsPerLevel.get(levels.levelOf(r)).add(r);
        }
        for (int l = 0; l < levels.count(); l++) {
            List<Integer> cells = cellsPerLevel.get(l);
            if (cells.isEmpty()) {
                continue;
            }
            double[] xs = new double[cells.size()];
            double[] ys = new double[cells.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = grid.get(cells.get(k), 0);
                ys[k] = grid.get(cells.get(k), 1);
            }
            XYSeries series = chart.addSeries("level " + l, xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(cell);
            series.setMarkerColor(levels.color(l, CLASS_COLORS));
            series.setShowInLegend(false);
        }
    }

    /** What the map shows: class probabilities, so the softmax of a model that outputs logits. */
    private static Matrix outputs(Sequential model, Matrix grid) {
        Matrix output = model.predict(grid);
        return model.loss() instanceof SoftmaxCrossEntropy ? Softmax.probabilities(output) : output;
    }

    private static void addPoints(XYChart chart, Matrix inputs, Matrix targets, int classes) {
        for (int c = 0; c < classes; c++) {
            List<double[]> points = new ArrayList<>();
            for (int r = 0; r < inputs.rows(); r++) {
                if (ColorLevels.classOf(targets, r) == c) {
                    points.add(new double[] {inputs.get(r, 0), inputs.get(r, 1)});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            XYSeries series = chart.addSeries("class " + c + " (training points)", xs, ys);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length].darker());
        }
    }
}
