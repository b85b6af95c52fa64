package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * The hyperbolic tangent, which squashes any real number into {@code (−1, 1)} and is zero-centred.
 * <pre>
 *   tanh(x)   = (e^x − e^(−x)) / (e^x + e^(−x))
 *   tanh'(x)  = 1 − tanh(x)²  =  1 − y²
 * </pre>
 * Like the sigmoid's, the derivative is computed from the output {@code y}.
 */
public final class Tanh implements Activation {

    /** Creates the (stateless) tanh. */
    public Tanh() {
    }

    @Override
    public double apply(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0 - y * y;
    }

    @Override
    public String describe() {
        return "Tanh";
    }
}
