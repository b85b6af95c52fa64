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
     * Applies the function to every element: {@code output[i] = f(input[i])}. The layer that holds an activation
     * calls this, once per batch, rather than {@link #apply} per element, so an activation with a faster
     * whole-matrix form can use it (such as {@link Matrix#exp()}, which the engine computes eight at a time on
     * the vector kernel). An override must agree with {@code apply} to within a few ulps. The default calls
     * {@code apply} for each element.
     *
     * @param input the pre-activation values
     * @param output where to write, with {@code input}'s shape (may be {@code input} itself)
     * @throws IllegalArgumentException if the shapes differ
     */
    default void applyAll(Matrix input, Matrix output) {
        input.requireSameShape(describe() + ".applyAll", output);
        for (int i = 0; i < input.size(); i++) {
            output.setFlat(i, apply(input.getFlat(i)));
        }
    }

    /** @return a short name for messages and summaries; by default the simple class name */
    default String describe() {
        return getClass().getSimpleName();
    }
}
