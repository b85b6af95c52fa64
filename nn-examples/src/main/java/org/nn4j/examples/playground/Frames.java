package org.nn4j.examples.playground;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.model.Sequential;

/**
 * Turns a {@link Frame} into the JSON of one server-sent event for the page:
 *
 * <pre>
 *   generation, epoch, trainLoss, testLoss, running, status
 *   data        (when the generation is new) the settings, the plane, the training and test points {x, y, class}
 *               (testIsTrain when they are the same, as for xor), the layer sizes, the model's summary, and
 *               whether "explain one step" fits this network
 *   curve       the loss curve's new points {epoch, train, test}; reset: true when the page must start it again
 *   boundary    the output over a 50×50 grid of the plane, rows from the top, each a byte (0 = class 0, 255 = 1),
 *               base64
 *   neurons     for each hidden layer, each neuron's output over a 16×16 grid, bytes scaled to the activation's
 *               range (0 and 1 for sigmoid, −1 and 1 for tanh, ±the largest value for the others)
 *   weights     for each dense layer, its weights (inputs × neurons) and biases, to 4 decimals
 * </pre>
 * The losses are written exactly ({@link Double#toString}), so a test can compare them with a {@code fit} of its own.
 */
final class Frames {

    /** Cells along each side of the decision boundary's grid. */
    static final int BOUNDARY_CELLS = 50;
    /** Cells along each side of a hidden neuron's map. */
    static final int NEURON_CELLS = 16;

    private Frames() {
    }

    /** What one event stream has sent so far: the next frame sends only what is new. */
    static final class Cursor {
        private long generation = -1;
        private int stride;
        private int sent;
    }

    /**
     * @param frame the session's state
     * @param cursor what this stream has sent; updated
     * @return the event's JSON
     */
    static String state(Frame frame, Cursor cursor) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("{\"generation\":").append(frame.generation())
                .append(",\"epoch\":").append(frame.epoch())
                .append(",\"trainLoss\":").append(Json.number(frame.trainLoss()))
                .append(",\"testLoss\":").append(Json.number(frame.testLoss()))
                .append(",\"running\":").append(frame.running())
                .append(",\"status\":").append(Json.string(frame.status()));
        boolean fresh = frame.generation() != cursor.generation;
        if (fresh) {
            out.append(",\"data\":");
            data(out, frame.experiment(), frame.model());
            cursor.generation = frame.generation();
        }
        curve(out, frame.curve(), cursor, fresh);
        Sequential model = frame.model();
        double[] plane = frame.experiment().plane();
        out.append(",\"boundary\":\"").append(base64(output(model, grid(plane, BOUNDARY_CELLS)))).append('"');
        neurons(out, model, grid(plane, NEURON_CELLS));
        weights(out, model);
        return out.append('}').toString();
    }

    private static void data(StringBuilder out, Experiment experiment, Sequential model) {
        out.append("{\"settings\":").append(Json.object(experiment.settings().toParameters()));
        out.append(",\"plane\":[");
        double[] plane = experiment.plane();
        for (int i = 0; i < plane.length; i++) {
            out.append(i == 0 ? "" : ",").append(Json.number(plane[i]));
        }
        out.append("],\"train\":");
        points(out, experiment.train());
        out.append(",\"test\":");
        points(out, experiment.test());
        out.append(",\"testIsTrain\":").append(experiment.test() == experiment.train());
        out.append(",\"layers\":[2");
        for (int units : experiment.settings().hidden()) {
            out.append(',').append(units);
        }
        out.append(",1],\"explainable\":").append(Session.unexplainable(experiment).isEmpty());
        out.append(",\"explainWhy\":").append(Json.string(Session.unexplainable(experiment).orElse("")));
        out.append(",\"summary\":").append(Json.string(model.summary())).append('}');
    }

    private static void points(StringBuilder out, Dataset data) {
        out.append('[');
        for (int r = 0; r < data.rows(); r++) {
            out.append(r == 0 ? "[" : ",[").append(Json.number(round(data.inputs().get(r, 0)))).append(',')
                    .append(Json.number(round(data.inputs().get(r, 1)))).append(',')
                    .append(data.targets().get(r, 0) >= 0.5 ? 1 : 0).append(']');
        }
        out.append(']');
    }

    private static void curve(StringBuilder out, LossCurve.Copy curve, Cursor cursor, boolean fresh) {
        boolean reset = fresh || curve.stride() != cursor.stride || curve.points().length < cursor.sent;
        int from = reset ? 0 : cursor.sent;
        out.append(",\"curve\":{\"reset\":").append(reset).append(",\"stride\":").append(curve.stride())
                .append(",\"points\":[");
        double[][] points = curve.points();
        for (int i = from; i < points.length; i++) {
            out.append(i == from ? "[" : ",[").append((long) points[i][0]).append(',')
                    .append(Json.number(points[i][1])).append(',').append(Json.number(points[i][2])).append(']');
        }
        out.append("]}");
        cursor.stride = curve.stride();
        cursor.sent = points.length;
    }

    /** The centres of a cells×cells grid over the plane, row by row from the top (largest y) down. */
    static Matrix grid(double[] plane, int cells) {
        Matrix grid = Matrix.zeros(cells * cells, 2);
        double dx = (plane[1] - plane[0]) / cells;
        double dy = (plane[3] - plane[2]) / cells;
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                grid.set(i * cells + j, 0, plane[0] + (j + 0.5) * dx);
                grid.set(i * cells + j, 1, plane[3] - (i + 0.5) * dy);
            }
        }
        return grid;
    }

    private static byte[] output(Sequential model, Matrix grid) {
        Matrix p = model.predict(grid);
        byte[] bytes = new byte[p.rows()];
        for (int r = 0; r < bytes.length; r++) {
            bytes[r] = scaled(p.get(r, 0), 0, 1);
        }
        return bytes;
    }

    private static void neurons(StringBuilder out, Sequential model, Matrix grid) {
        List<Matrix> trace = model.forwardTrace(grid);
        List<Layer> layers = model.layers();
        out.append(",\"neurons\":[");
        boolean firstLayer = true;
        // A hidden layer's output is the activation after each dense layer but the last.
        for (int i = 1; i < layers.size() - 1; i++) {
            if (!(layers.get(i) instanceof ActivationLayer activation) || !(layers.get(i - 1) instanceof Dense)) {
                continue;
            }
            Matrix a = trace.get(i + 1);
            double[] range = range(activation.activation(), a);
            out.append(firstLayer ? "[" : ",[");
            firstLayer = false;
            for (int c = 0; c < a.cols(); c++) {
                byte[] bytes = new byte[a.rows()];
                for (int r = 0; r < bytes.length; r++) {
                    bytes[r] = scaled(a.get(r, c), range[0], range[1]);
                }
                out.append(c == 0 ? "\"" : ",\"").append(base64(bytes)).append('"');
            }
            out.append(']');
        }
        out.append(']');
    }

    /** The values the colours run between: the activation's own range, or ± the largest value. */
    private static double[] range(Activation activation, Matrix values) {
        if (activation instanceof Sigmoid) {
            return new double[] {0, 1};
        }
        if (activation instanceof Tanh) {
            return new double[] {-1, 1};
        }
        double largest = Math.max(1e-9, values.maxAbs());
        return new double[] {-largest, largest};
    }

    private static void weights(StringBuilder out, Sequential model) {
        out.append(",\"weights\":[");
        List<String> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense dense) {
                StringBuilder one = new StringBuilder("{\"w\":");
                matrix(one, dense.weights().value());
                one.append(",\"b\":");
                matrix(one, dense.bias().value());
                layers.add(one.append('}').toString());
            }
        }
        out.append(String.join(",", layers)).append(']');
    }

    private static void matrix(StringBuilder out, Matrix m) {
        out.append('[');
        for (int r = 0; r < m.rows(); r++) {
            out.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < m.cols(); c++) {
                out.append(c == 0 ? "" : ",").append(Json.number(round(m.get(r, c))));
            }
            out.append(']');
        }
        out.append(']');
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    /** A value between lo and hi as a byte 0..255; NaN as the middle. */
    private static byte scaled(double value, double lo, double hi) {
        if (Double.isNaN(value)) {
            return (byte) 128;
        }
        double t = Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
        return (byte) Math.round(t * 255);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
