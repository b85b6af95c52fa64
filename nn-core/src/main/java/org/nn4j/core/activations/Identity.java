package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * The identity, for a linear output (regression) or to make "no activation" explicit.
 * <pre>
 *   f(x)   = x
 *   f'(x)  = 1
 * </pre>
 */
public final class Identity implements Activation {

    /** Creates the (stateless) identity. */
    public Identity() {
    }

    @Override
    public double apply(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double y) {
        return 1.0;
    }

    @Override
    public String describe() {
        return "Identity";
    }
}
