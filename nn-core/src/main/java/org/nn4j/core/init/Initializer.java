package org.nn4j.core.init;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Fills a parameter matrix with starting values, drawing from a generator it is given (never a hidden one).
 *
 * <p>{@code fanIn} and {@code fanOut} are the layer's input and output sizes, which scaled schemes (Glorot, He)
 * use. Elements are filled in row-major order, one draw after another, so a {@code 2×4} weight matrix consumes
 * eight draws exactly as {@code np.random.uniform(-1, 1, (2, 4))} does.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * @param target the matrix to fill, changed in place
     * @param fanIn the layer's input size
     * @param fanOut the layer's output size
     * @param random the generator to draw from
     */
    void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random);
}
