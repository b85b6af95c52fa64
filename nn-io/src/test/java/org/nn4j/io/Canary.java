package org.nn4j.io;

import org.nn4j.api.Activation;

/**
 * A class a hostile file might name: if anything ever initialised it, its static initializer would raise
 * {@link CanaryFlag#initialized}. The class-name injection test asserts that the flag stays down.
 */
public final class Canary implements Activation {

    static {
        CanaryFlag.initialized = true;
    }

    /** Never called by a loader. */
    public Canary() {
    }

    @Override
    public double apply(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double y) {
        return 1;
    }
}
