package org.nn4j.api;

/**
 * An element-wise activation function {@code y = f(x)} and its derivative.
 *
 * <pre>
 *   apply(x)          = f(x)
 *   derivative(x, y)  = f'(x),  where y = f(x) is passed in
 * </pre>
 *
 * <p>The output {@code y} is passed to {@code derivative} because several derivatives are cheapest in terms of
 * the output: the sigmoid's is {@code y·(1 − y)}, exactly as the blog's {@code sigmoid_derivative(a1)} computes it.
 * An implementation may use either argument.
 *
 * <p>Activations are stateless and must be safe to call from many threads. Functions that are not element-wise
 * (softmax) are {@link Layer}s instead.
 */
public interface Activation {

    /**
     * @param x the pre-activation value
     * @return {@code f(x)}
     */
    double apply(double x);

    /**
     * @param x the pre-activation value
     * @param y {@code apply(x)}
     * @return {@code f'(x)}
     */
    double derivative(double x, double y);

    /**
     * A short name for messages and summaries.
     *
     * @return by default the simple class name
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
