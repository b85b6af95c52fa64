package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Sets every element to 0, the usual start for biases (the weights already break the symmetry between units).
 * It draws nothing from the generator.
 */
public record Zeros() implements Initializer {

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        target.fillInPlace(0.0);
    }
}
