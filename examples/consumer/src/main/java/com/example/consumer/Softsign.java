package com.example.consumer;

import org.nn4j.api.Activation;

/**
 * A custom activation, written by the user of the library: softsign, f(x) = x / (1 + |x|), f'(x) = 1 / (1 + |x|)².
 */
public final class Softsign implements Activation {

    @Override
    public double apply(double x) {
        return x / (1 + Math.abs(x));
    }

    @Override
    public double derivative(double x, double y) {
        double d = 1 + Math.abs(x);
        return 1 / (d * d);
    }
}
