package org.nn4j.core.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.random.NumpyRandom;

/**
 * Checks the backward pass of any {@link Layer}, {@link Activation} or {@link Loss} (built-in or your own) against
 * central finite differences of its forward pass, in double precision.
 * <pre>
 *   numeric_i   = (f(θ + ε·e_i) − f(θ − ε·e_i)) / (2ε)                       ε = 1e-6 by default
 *   error_i     = |analytic_i − numeric_i| / max(|analytic_i|, |numeric_i|, floor)     floor = 1e-5 by default
 *   reported:     the worst error_i of every gradient (the input, then each parameter in order)
 * </pre>
 * The error is relative where gradients are large enough to measure, and becomes an absolute error divided by the
 * floor where both are tiny: a finite difference cannot resolve gradients much smaller than its own rounding noise
 * (about {@code 1e-16·|f| / ε ≈ 1e-10}), so two near-zero numbers are not declared "100% apart". A correct
 * backward pass typically shows errors of 1e-8 or less; a wrong one (a missing factor, a sign, a transposed
 * index) shows errors of 1e-2 to 1. Avoid inputs at kinks (ReLU at exactly 0), where no derivative exists.
 *
 * <p>What {@code f} is:
 * <ul>
 *   <li><b>Layer</b>: {@code f = Σ G ⊙ forward(input)} with a fixed random upstream gradient {@code G} (drawn
 *       from a {@link NumpyRandom} with this check's seed), so {@code backward(input, output, G)} must return
 *       {@code ∂f/∂input} and add {@code ∂f/∂p} into every parameter. A constant {@code G} would hide bugs (for a
 *       softmax, {@code Σ forward} is always 1), hence the random one.</li>
 *   <li><b>Activation</b>: the same, through an {@link ActivationLayer}, which multiplies {@code G} by
 *       {@code derivative(x, apply(x))}.</li>
 *   <li><b>Loss</b>: {@code f = value(predicted, target)} against {@code gradient(predicted, target)}.</li>
 * </ul>
 * The check leaves everything as it found it: parameter values are restored bit for bit after every nudge, and
 * parameter gradients are put back after the backward pass. Use {@link GradientAssertions} in tests.
 */
public final class GradientCheck {

    /** The default finite-difference step. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** The default absolute floor of the relative error's denominator. */
    public static final double DEFAULT_FLOOR = 1e-5;
    /** The default seed of the upstream gradient for layers. */
    public static final long DEFAULT_SEED = 1;

    private final double epsilon;
    private final double floor;
    private final long seed;

    /** A check with the defaults: {@code ε = 1e-6}, floor {@code 1e-5}, seed 1. */
    public GradientCheck() {
        this(DEFAULT_EPSILON, DEFAULT_FLOOR, DEFAULT_SEED);
    }

    /**
     * @param epsilon the finite-difference step, positive
     * @param floor the smallest denominator of the relative error, positive
     * @param seed the seed of the random upstream gradient for layers
     * @throws IllegalArgumentException if {@code epsilon} or {@code floor} is not positive and finite
     */
    public GradientCheck(double epsilon, double floor, long seed) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon) || !(floor > 0) || !Double.isFinite(floor)) {
            throw new IllegalArgumentException("GradientCheck: epsilon and floor must be positive and finite, got "
                    + epsilon + " and " + floor);
        }
        this.epsilon = epsilon;
        this.floor = floor;
        this.seed = seed;
    }

    /**
     * The error measure of the class javadoc for one element.
     *
     * @param analytic the backward pass's value
     * @param numeric the finite difference
     * @param floor the smallest denominator
     * @return the error, or {@code +∞} if either value is NaN or infinite
     */
    public static double relativeError(double analytic, double numeric, double floor) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(analytic - numeric) / Math.max(floor, Math.max(Math.abs(analytic), Math.abs(numeric)));
    }

    /**
     * Checks a layer's input gradient and every parameter gradient at {@code input}.
     *
     * @param layer the layer; its parameter values are nudged and restored exactly
     * @param input a batch, {@code n×inputSize}, away from any kink of the layer
     * @return the worst error per gradient: {@code input} first, then each parameter by name
     */
    public GradientCheckReport check(Layer layer, Matrix input) {
        return checkLayer(layer.describe(), layer, input);
    }

    /**
     * Checks an activation's derivative at every element of {@code input}.
     *
     * @param activation the activation
     * @param input the points to check at, any shape, away from any kink
     * @return the worst error of the {@code input} gradient
     */
    public GradientCheckReport check(Activation activation, Matrix input) {
        return checkLayer(activation.describe(), new ActivationLayer(activation), input);
    }

    /**
     * Checks a loss's gradient with respect to the predictions.
     *
     * @param loss the loss
     * @param predicted the predictions to check at, {@code n×k}
     * @param target the targets, {@code n×k}
     * @return the worst error of the {@code predicted} gradient
     */
    public GradientCheckReport check(Loss loss, Matrix predicted, Matrix target) {
        Matrix analytic = loss.gradient(predicted, target);
        Matrix point = predicted.copy();
        GradientCheckReport.Entry entry = compare("predicted", analytic, point, () -> loss.value(point, target));
        return new GradientCheckReport(loss.describe(), List.of(entry));
    }

    private GradientCheckReport checkLayer(String name, Layer layer, Matrix input) {
        Objects.requireNonNull(input, "input");
        Matrix output = layer.forward(input);
        Matrix upstream = Matrix.zeros(output.rows(), output.cols());
        NumpyRandom random = new NumpyRandom(seed);
        upstream.mapInPlace(x -> random.uniform(-1, 1));
        ToDoubleFunction<Matrix> objective = x -> dot(upstream, layer.forward(x));

        List<Parameter> parameters = layer.parameters();
        List<Matrix> savedGradients = new ArrayList<>();
        for (Parameter p : parameters) {
            savedGradients.add(p.gradient().copy());
            p.zeroGradient();
        }
        Matrix inputGradient;
        List<Matrix> parameterGradients = new ArrayList<>();
        try {
            inputGradient = layer.backward(input, output, upstream);
            for (Parameter p : parameters) {
                parameterGradients.add(p.gradient().copy());
            }
        } finally {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).gradient().copyFromInPlace(savedGradients.get(i));
            }
        }

        List<GradientCheckReport.Entry> entries = new ArrayList<>();
        Matrix point = input.copy();
        entries.add(compare("input", inputGradient, point, () -> objective.applyAsDouble(point)));
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            entries.add(compare(p.name(), parameterGradients.get(i), p.value(),
                    () -> objective.applyAsDouble(input)));
        }
        return new GradientCheckReport(name, entries);
    }

    /**
     * Nudges every element of {@code point} (in place, restored exactly) and compares the finite differences of
     * {@code f} with {@code analytic}.
     */
    private GradientCheckReport.Entry compare(String name, Matrix analytic, Matrix point,
            java.util.function.DoubleSupplier f) {
        if (!analytic.sameShape(point)) {
            return GradientCheckReport.Entry.wrongShape(name, point.shape(), analytic.shape());
        }
        double worst = 0;
        int worstIndex = 0;
        double worstAnalytic = analytic.size() == 0 ? 0 : analytic.getFlat(0);
        double worstNumeric = Double.NaN;
        for (int i = 0; i < point.size(); i++) {
            double original = point.getFlat(i);
            point.setFlat(i, original + epsilon);
            double plus = f.getAsDouble();
            point.setFlat(i, original - epsilon);
            double minus = f.getAsDouble();
            point.setFlat(i, original);
            double numeric = (plus - minus) / (2 * epsilon);
            double error = relativeError(analytic.getFlat(i), numeric, floor);
            if (i == 0 || error > worst) {
                worst = error;
                worstIndex = i;
                worstAnalytic = analytic.getFlat(i);
                worstNumeric = numeric;
            }
        }
        return new GradientCheckReport.Entry(name, point.shape(), worst, worstIndex, worstAnalytic, worstNumeric,
                "");
    }

    private static double dot(Matrix a, Matrix b) {
        a.requireSameShape("GradientCheck: upstream gradient vs output", b);
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.getFlat(i) * b.getFlat(i);
        }
        return sum;
    }

    /** @return the finite-difference step ε */
    public double epsilon() {
        return epsilon;
    }

    /** @return the smallest denominator of the relative error */
    public double floor() {
        return floor;
    }

    /** @return the seed of the upstream gradient for layers */
    public long seed() {
        return seed;
    }
}
