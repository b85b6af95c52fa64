package org.nn4j.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.Dense;

/** The check itself: it catches wrong gradients, says where, and leaves the component as it found it. */
class GradientCheckTest {

    private static final Matrix INPUT = Matrix.of(new double[][] {{0.3, -0.7, 1.1}, {-0.4, 0.9, 0.2}});

    @Test
    void aWrongDerivativeFailsWithAReport() {
        Activation wrong = new Activation() {
            @Override
            public double apply(double x) {
                return x * x;
            }

            @Override
            public double derivative(double x, double y) {
                return x;   // should be 2x
            }

            @Override
            public String describe() {
                return "Square(wrong)";
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> GradientAssertions.assertGradients(wrong, INPUT));
        assertTrue(e.getMessage().contains("Gradient check of Square(wrong)"), e.getMessage());
        assertTrue(e.getMessage().contains("input"), e.getMessage());
        // |x − 2x| / max(|x|, |2x|) = 1/2 everywhere.
        assertEquals(0.5, new GradientCheck().check(wrong, INPUT).worstRelativeError(), 1e-6);
    }

    @Test
    void aLayerThatForgetsTheBiasGradientIsCaughtOnTheBiasOnly() {
        Dense real = new Dense(3, 2);
        real.weights().value().copyFromInPlace(Matrix.of(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}}));
        Layer forgetful = new Layer() {
            @Override
            public Matrix forward(Matrix input) {
                return real.forward(input);
            }

            @Override
            public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
                Matrix dx = real.backward(input, output, outputGradient);
                real.bias().zeroGradient();
                return dx;
            }

            @Override
            public int outputSize(int inputSize) {
                return real.outputSize(inputSize);
            }

            @Override
            public List<Parameter> parameters() {
                return real.parameters();
            }
        };
        GradientCheckReport report = new GradientCheck().check(forgetful, INPUT);
        assertEquals(List.of("input", "weights", "bias"),
                report.entries().stream().map(GradientCheckReport.Entry::gradient).toList());
        assertTrue(report.entries().get(0).worstRelativeError() < 1e-8);
        assertTrue(report.entries().get(1).worstRelativeError() < 1e-8);
        assertEquals(1.0, report.entries().get(2).worstRelativeError(), 1e-9);
        assertFalse(report.passes(1e-5));
    }

    @Test
    void theCheckRestoresValuesAndGradientsExactly() {
        Dense dense = new Dense(3, 2);
        dense.weights().value().copyFromInPlace(Matrix.of(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}}));
        dense.weights().gradient().fillInPlace(7.0);
        Matrix before = dense.weights().value().copy();
        new GradientCheck().check(dense, INPUT);
        assertEquals(before, dense.weights().value());
        assertEquals(Matrix.filled(3, 2, 7.0), dense.weights().gradient());
    }

    @Test
    void aGradientOfTheWrongShapeIsReportedNotThrown() {
        Loss wrongShape = new Loss() {
            @Override
            public double value(Matrix predicted, Matrix target) {
                return predicted.sum();
            }

            @Override
            public Matrix gradient(Matrix predicted, Matrix target) {
                return Matrix.zeros(1, 1);
            }
        };
        GradientCheckReport report = new GradientCheck().check(wrongShape, INPUT, INPUT);
        assertEquals(Double.POSITIVE_INFINITY, report.worstRelativeError());
        assertTrue(report.toString().contains("backward returned a 1×1 gradient, expected 2×3"), report.toString());
    }

    @Test
    void relativeErrorHasAnAbsoluteFloor() {
        assertEquals(0.5, GradientCheck.relativeError(1.0, 2.0, 1e-5));
        // Both tiny: divided by the floor, not by each other.
        assertEquals(1e-12 / 1e-5, GradientCheck.relativeError(1e-12, 2e-12, 1e-5), 1e-20);
        assertEquals(Double.POSITIVE_INFINITY, GradientCheck.relativeError(Double.NaN, 1, 1e-5));
    }
}
