package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * A smooth ReLU: the logarithm of {@code 1 + e^x}, whose derivative is the sigmoid.
 * <pre>
 *   softplus(x)   = ln(1 + e^x)  =  max(x, 0) + ln(1 + e^(−|x|))      (the right-hand form never overflows)
 *   softplus'(x)  = σ(x)  =  1 / (1 + e^(−x))
 * </pre>
 */
public final class Softplus implements Activation {

    /** Creates the (stateless) softplus. */
    public Softplus() {
    }

    @Override
    public double apply(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x, double y) {
        // σ(x) written so that e^(…) never overflows.
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    @Override
    public String describe() {
        return "Softplus";
    }
}
