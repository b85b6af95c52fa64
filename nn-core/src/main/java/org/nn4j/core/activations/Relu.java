package org.nn4j.core.activations;

import org.nn4j.api.Activation;

/**
 * The rectified linear unit: passes positive values through and zeroes the rest.
 * <pre>
 *   relu(x)   = max(0, x)
 *   relu'(x)  = 1 if x &gt; 0, else 0          (at the kink x = 0 the derivative is taken as 0)
 * </pre>
 * See Nair and Hinton, "Rectified Linear Units Improve Restricted Boltzmann Machines" (2010).
 */
public final class Relu implements Activation {

    /** Creates the (stateless) ReLU. */
    public Relu() {
    }

    @Override
    public double apply(double x) {
        return x > 0 ? x : 0.0;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public String describe() {
        return "Relu";
    }
}
