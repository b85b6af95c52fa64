package org.nn4j.core;

import java.util.function.ToDoubleFunction;
import org.nn4j.api.Matrix;

/**
 * Central finite differences for the foundation's gradient tests:
 * {@code ∂f/∂x_i ≈ (f(x + ε·e_i) − f(x − ε·e_i)) / 2ε}, compared by relative error
 * {@code |a − n| / max(|a| + |n|, floor)}.
 */
public final class FiniteDifferences {

    /** The step ε. */
    public static final double EPSILON = 1e-6;
    /** Below this magnitude errors are measured absolutely, so tiny gradients do not inflate relative errors. */
    public static final double FLOOR = 1e-8;

    private FiniteDifferences() {
    }

    /**
     * @param f a scalar function that reads {@code x} (which is perturbed in place and restored)
     * @param x the point
     * @return the numerical gradient, same shape as {@code x}
     */
    public static Matrix gradient(ToDoubleFunction<Matrix> f, Matrix x) {
        Matrix g = Matrix.zeros(x.rows(), x.cols());
        for (int i = 0; i < x.size(); i++) {
            double original = x.getFlat(i);
            x.setFlat(i, original + EPSILON);
            double plus = f.applyAsDouble(x);
            x.setFlat(i, original - EPSILON);
            double minus = f.applyAsDouble(x);
            x.setFlat(i, original);
            g.setFlat(i, (plus - minus) / (2 * EPSILON));
        }
        return g;
    }

    /**
     * @param analytic the gradient the code computed
     * @param numeric the finite-difference gradient
     * @return the worst relative error over all elements
     */
    public static double worstRelativeError(Matrix analytic, Matrix numeric) {
        analytic.requireSameShape("worstRelativeError", numeric);
        double worst = 0;
        for (int i = 0; i < analytic.size(); i++) {
            double a = analytic.getFlat(i);
            double n = numeric.getFlat(i);
            worst = Math.max(worst, Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), FLOOR));
        }
        return worst;
    }
}
