package org.nn4j.examples.plugins;

import org.nn4j.api.Activation;

/**
 * Swish, a smooth activation that lets a little negative signal through.
 * <pre>
 *   f(x)  = x · σ(βx)                         σ(t) = 1 / (1 + e^(−t))
 *   f'(x) = s + β·x·s·(1 − s),    s = σ(βx)
 * </pre>
 * From Ramachandran, Zoph and Le, "Searching for Activation Functions" (2017).
 */
public final class Swish implements Activation {

    private final double beta;

    /** @param beta the slope inside the sigmoid, positive (1 gives the SiLU) */
    public Swish(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("Swish: beta must be positive, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public double apply(double x) {
        return x * sigmoid(beta * x);
    }

    @Override
    public double derivative(double x, double y) {
        double s = sigmoid(beta * x);
        return s + beta * x * s * (1 - s);
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /** @return β, for saving */
    public double beta() {
        return beta;
    }

    @Override
    public String describe() {
        return "Swish(beta=" + beta + ")";
    }
}
