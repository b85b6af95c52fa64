package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.gradcheck.GradientAssertions;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

class StandardizeTest {

    // Column 0: 1, 3, 5 (mean 3, np.std 1.632993161855452); column 1: constant 7 (deviation taken as 1).
    private static final Matrix DATA = Matrix.of(new double[][] {{1, 7}, {3, 7}, {5, 7}});

    @Test
    void adaptLearnsNumpysMeanAndPopulationDeviation() {
        Standardize s = Standardize.adaptedTo(DATA);
        assertEquals(Matrix.rowVector(3, 7), s.mean());
        assertEquals(Math.sqrt(8.0 / 3), s.deviation().get(0, 0), 1e-15);
        assertEquals(1.0, s.deviation().get(0, 1));
    }

    @Test
    void forwardByHand() {
        Standardize s = Standardize.adaptedTo(DATA);
        Matrix z = s.forward(Matrix.of(new double[][] {{3, 7}, {5, 9}}));
        double sd = Math.sqrt(8.0 / 3);
        assertEquals(Matrix.of(new double[][] {{0, 0}, {2 / sd, 2}}), z);
    }

    @Test
    void backwardDividesByTheDeviationAndPassesTheGradientCheck() {
        Standardize s = Standardize.adaptedTo(DATA);
        Matrix g = s.backward(DATA, s.forward(DATA), Matrix.filled(3, 2, 2.0));
        assertEquals(2 / Math.sqrt(8.0 / 3), g.get(0, 0), 1e-15);
        assertEquals(2.0, g.get(0, 1));
        GradientAssertions.assertGradients(s, Matrix.of(new double[][] {{0.5, -1}, {2, 3}}));
    }

    @Test
    void theStatisticsAreStateNotParametersAndTrainingLeavesThemAlone() {
        Standardize s = Standardize.adaptedTo(DATA);
        Sequential model = Sequential.builder().input(2).layer(s).dense(1).loss(new MeanSquaredError())
                .optimizer(new Sgd(0.1)).seed(3).build();
        assertEquals(List.of("layers[0].mean", "layers[0].deviation"), List.copyOf(model.state().keySet()));
        assertEquals(List.of("layers[1].weights", "layers[1].bias"), List.copyOf(model.parameters().keySet()));
        Matrix meanBefore = s.mean().copy();
        model.fit(DATA, Matrix.columnVector(1, 2, 3), 20);
        assertEquals(meanBefore, s.mean());
        String summary = model.summary();
        assertEquals(true, summary.contains("Total params: 7\n"), summary);
        assertEquals(true, summary.contains("Trainable params: 3\n"), summary);
        assertEquals(true, summary.contains("Non-trainable params: 4\n"), summary);
    }

    @Test
    void copyIsIndependent() {
        Standardize s = Standardize.adaptedTo(DATA);
        Standardize c = s.copy();
        assertNotSame(s.mean(), c.mean());
        s.mean().fillInPlace(0);
        assertEquals(Matrix.rowVector(3, 7), c.mean());
    }

    @Test
    void badInputNamesTheLayer() {
        Standardize s = new Standardize(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.forward(Matrix.zeros(1, 3)));
        assertEquals("Standardize(2).forward: input has 3 columns, expected 2", e.getMessage());
        assertEquals("Standardize(2).adapt: data holds NaN or infinity", assertThrows(IllegalArgumentException.class,
                () -> s.adapt(Matrix.rowVector(1, Double.NaN))).getMessage());
    }
}
