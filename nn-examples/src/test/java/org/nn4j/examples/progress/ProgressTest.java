package org.nn4j.examples.progress;

import org.nn4j.core.model.BlogNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.training.LossLogger;

/** Progress is a bar on a terminal, log lines elsewhere, never both, and nothing when quiet. */
class ProgressTest {

    @Test
    void autoMeansABarOnATerminalAndLinesElsewhere() {
        assertEquals(ProgressMode.BAR, ProgressMode.AUTO.resolve(true));
        assertEquals(ProgressMode.LOG, ProgressMode.AUTO.resolve(false));
        for (ProgressMode chosen : List.of(ProgressMode.BAR, ProgressMode.LOG, ProgressMode.NONE)) {
            assertEquals(chosen, chosen.resolve(true));
            assertEquals(chosen, chosen.resolve(false));
        }
    }

    @Test
    void eachModeGivesAtMostOneListener() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(List.of(), Progress.listeners(ProgressMode.NONE, out, 10));
        List<TrainingListener> bar = Progress.listeners(ProgressMode.BAR, out, 10);
        assertEquals(1, bar.size());
        assertInstanceOf(ProgressBarListener.class, bar.get(0));
        List<TrainingListener> log = Progress.listeners(ProgressMode.LOG, out, 10);
        assertEquals(1, log.size());
        assertEquals(10, ((LossLogger) log.get(0)).every());
    }

    @Test
    void smallLossesKeepTheirDigits() {
        assertEquals("0.2522", ProgressBarListener.format(0.25219));
        assertEquals("0.0010", ProgressBarListener.format(0.001));
        assertEquals("6.75e-04", ProgressBarListener.format(6.752197159120556E-4));
        assertEquals("nan", ProgressBarListener.format(Double.NaN));
    }

    @Test
    void theBarShowsEpochsLossAndTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Sequential model = BlogNetwork.create(42, 2);
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        double finalLoss = model.fit(x, y, 300, new ProgressBarListener(out)).finalLoss();

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("Training 100%"), drawn);
        assertTrue(last.contains("300/300 epochs"), last);
        assertTrue(last.contains("loss " + ProgressBarListener.format(finalLoss)), last);
        assertTrue(last.matches("(?s).*\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\).*"), last);
    }
}
