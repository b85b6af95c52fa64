package org.nn4j.plots;

import org.nn4j.core.model.BlogNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;

/** The colour map's arithmetic: which level and colour an output gets. */
class ColorLevelsTest {

    private static final Color[] CLASSES = {Color.BLUE, Color.RED, Color.GREEN};

    @Test
    void oneOutputRunsFromClassZeroThroughWhiteToClassOne() {
        ColorLevels levels = ColorLevels.twoClasses(Matrix.columnVector(0, 0.5, 1, -3, 7), 21);
        assertEquals(0, levels.levelOf(0));
        assertEquals(10, levels.levelOf(1));
        assertEquals(20, levels.levelOf(2));
        assertEquals(0, levels.levelOf(3), "clamped to 0");
        assertEquals(20, levels.levelOf(4), "clamped to 1");
        assertEquals(Color.WHITE, levels.color(10, CLASSES));
        // 60% of the class colour mixed into white: the map stays paler than the points.
        assertEquals(new Color(102, 102, 255), levels.color(0, CLASSES));
        assertEquals(new Color(255, 102, 102), levels.color(20, CLASSES));
    }

    @Test
    void severalOutputsTakeTheLikeliestClassPalerWhenUnsure() {
        Matrix output = Matrix.of(new double[][] {{0.1, 0.1, 0.8}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0, 1, 0}});
        ColorLevels levels = ColorLevels.manyClasses(output, 5);
        assertEquals(2 * 5 + 3, levels.levelOf(0), "class 2, confidence (0.8 - 1/3) / (2/3) = 0.7 → step 3");
        assertEquals(0, levels.levelOf(1), "a tie is class 0 at the palest step");
        assertEquals(5 + 4, levels.levelOf(2), "class 1, certain");
        Color unsure = levels.color(5, CLASSES);
        Color sure = levels.color(9, CLASSES);
        assertTrue(unsure.getGreen() > sure.getGreen(), "less sure is paler: " + unsure + " vs " + sure);
    }

    @Test
    void theMapNeedsTwoInputs() {
        Sequential threeInputs = Sequential.builder().input(3).dense(1)
                .loss(new org.nn4j.core.losses.MeanSquaredError()).optimizer(new org.nn4j.core.optimizers.Sgd(0.1))
                .seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionBoundaryPlot.write(
                threeInputs, Matrix.zeros(2, 3), Matrix.zeros(2, 1), "t", java.nio.file.Path.of("unused.png")));
        assertEquals("decision boundary: the model has 3 inputs, a map of the plane needs 2", e.getMessage());
    }

    @Test
    void aLossCurveNeedsAnEpoch() {
        Sequential model = BlogNetwork.create(42, 0.2);
        var history = model.fit(Matrix.of(new double[][] {{0, 1}}), Matrix.columnVector(1), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossPlot.chart(history, "t", false));
        assertEquals("loss plot: no epoch was trained, there is nothing to draw", e.getMessage());
    }
}
