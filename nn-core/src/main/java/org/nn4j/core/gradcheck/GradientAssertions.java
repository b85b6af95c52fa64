package org.nn4j.core.gradcheck;

import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;

/**
 * Test assertions built on {@link GradientCheck}: each throws an {@link AssertionError} carrying the whole report
 * when a gradient is off, so any test framework (JUnit, TestNG, a plain {@code main}) shows what was wrong.
 * <pre>
 *   &#64;Test
 *   void swishGradientIsRight() {
 *       GradientAssertions.assertGradients(new Swish(), Matrix.of(new double[][] {{-2.0, -0.5, 0.3, 1.7}}));
 *   }
 * </pre>
 * The default tolerance is {@link #DEFAULT_TOLERANCE}; correct code usually does better than 1e-8.
 */
public final class GradientAssertions {

    /** The largest relative error the assertions accept by default. */
    public static final double DEFAULT_TOLERANCE = 1e-5;

    private GradientAssertions() {
    }

    /**
     * Asserts a layer's input and parameter gradients at {@code input} with the default check and tolerance.
     *
     * @param layer the layer
     * @param input a batch, away from any kink
     * @return the report, for printing
     * @throws AssertionError if a gradient's worst error exceeds the tolerance
     */
    public static GradientCheckReport assertGradients(Layer layer, Matrix input) {
        return assertPasses(new GradientCheck().check(layer, input), DEFAULT_TOLERANCE);
    }

    /**
     * Asserts an activation's derivative at every element of {@code input}.
     *
     * @param activation the activation
     * @param input points away from any kink
     * @return the report, for printing
     * @throws AssertionError if the worst error exceeds the default tolerance
     */
    public static GradientCheckReport assertGradients(Activation activation, Matrix input) {
        return assertPasses(new GradientCheck().check(activation, input), DEFAULT_TOLERANCE);
    }

    /**
     * Asserts a loss's gradient at {@code predicted}.
     *
     * @param loss the loss
     * @param predicted the predictions, {@code n×k}
     * @param target the targets, {@code n×k}
     * @return the report, for printing
     * @throws AssertionError if the worst error exceeds the default tolerance
     */
    public static GradientCheckReport assertGradients(Loss loss, Matrix predicted, Matrix target) {
        return assertPasses(new GradientCheck().check(loss, predicted, target), DEFAULT_TOLERANCE);
    }

    /**
     * @param report a check's report
     * @param tolerance the largest acceptable relative error
     * @return the report, for printing
     * @throws AssertionError with the report if any gradient's worst error exceeds {@code tolerance}
     */
    public static GradientCheckReport assertPasses(GradientCheckReport report, double tolerance) {
        if (!report.passes(tolerance)) {
            throw new AssertionError("gradient check failed (tolerance " + tolerance + ")\n" + report);
        }
        return report;
    }
}
