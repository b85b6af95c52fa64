package org.nn4j.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.model.Sequential;

class FramesTest {

    @Test
    void theGridRunsRowByRowFromTheTopLeft() {
        Matrix grid = Frames.grid(new double[] {0, 1, 0, 1}, 2);
        assertEquals(Matrix.of(new double[][] {{0.25, 0.75}, {0.75, 0.75}, {0.25, 0.25}, {0.75, 0.25}}), grid);
    }

    @Test
    void aFramesPicturesAreTheModelsOutputsAsBytes() {
        Experiment experiment = Experiment.of(Settings.parse(Map.of()).settings());
        Sequential model = experiment.newModel();
        Frame frame = new Frame(1, 1, experiment, model.snapshot(), 0, 0.25, 0.25, false, "ready", new LossCurve()
                .copy());
        Frames.Cursor cursor = new Frames.Cursor();
        String json = Frames.state(frame, cursor);

        byte[] boundary = Base64.getDecoder().decode(string(json, "boundary"));
        assertEquals(Frames.BOUNDARY_CELLS * Frames.BOUNDARY_CELLS, boundary.length);
        Matrix grid = Frames.grid(experiment.plane(), Frames.BOUNDARY_CELLS);
        Matrix p = model.predict(grid);
        for (int r = 0; r < boundary.length; r++) {
            assertEquals(Math.round(p.get(r, 0) * 255), boundary[r] & 0xff, "cell " + r);
        }
        // Four hidden sigmoids, each a 16×16 map of its output in [0, 1].
        Matcher maps = Pattern.compile("\"neurons\":\\[\\[(\"[^\"]*\"(?:,\"[^\"]*\")*)\\]\\]").matcher(json);
        assertTrue(maps.find(), json);
        String[] neurons = maps.group(1).split(",");
        assertEquals(4, neurons.length);
        Matrix a1 = model.forwardTrace(Frames.grid(experiment.plane(), Frames.NEURON_CELLS)).get(2);
        byte[] third = Base64.getDecoder().decode(neurons[2].replace("\"", ""));
        for (int r = 0; r < third.length; r++) {
            assertEquals(Math.round(a1.get(r, 2) * 255), third[r] & 0xff);
        }
        Dense first = (Dense) model.layers().get(0);
        assertTrue(json.contains("\"weights\":[{\"w\":[[" + round(first.weights().value().get(0, 0)) + ","),
                json);
        assertTrue(json.contains("\"data\":{\"settings\":{\"dataset\":\"xor\""), json);
        assertTrue(json.contains("\"testIsTrain\":true,\"layers\":[2,4,1],\"explainable\":true"), json);

        // The next frame of the same generation leaves the data out.
        assertFalse(Frames.state(frame, cursor).contains("\"data\""));
    }

    private static String round(double value) {
        return Json.number(Math.round(value * 1e4) / 1e4);
    }

    private static String string(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(m.find(), name);
        return m.group(1);
    }
}
