package org.nn4j.core.model;

import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * The network of the blog nn4j starts from, built in one place for the example, the tests and the benchmarks:
 * <pre>
 *   input 2 → Dense(2→4) → Sigmoid → Dense(4→1) → Sigmoid,   mean squared error,   SGD
 *   weights and biases drawn from Uniform(−1, 1) by a NumpyRandom, in the blog's order w1, w2, b1, b2
 * </pre>
 * With seed 42 and learning rate {@link #BLOG_LEARNING_RATE} it takes exactly the blog's steps: the blog's rate 0.1
 * on the gradient of ½·Σ(y − ŷ)² equals rate 0.2 on the honest mean squared error of its 4×1 targets.
 */
public final class BlogNetwork {

    /** The blog's seed, {@code np.random.seed(42)}. */
    public static final long BLOG_SEED = 42;

    /** The rate on mean squared error that equals the blog's {@code learning_rate = 0.1}. */
    public static final double BLOG_LEARNING_RATE = 0.2;

    private BlogNetwork() {
    }

    /** @return the blog's untrained network: seed 42, learning rate 0.2 */
    public static Sequential create() {
        return create(BLOG_SEED, BLOG_LEARNING_RATE);
    }

    /**
     * @param seed the seed, as {@code np.random.seed(seed)}
     * @param learningRate the SGD rate on mean squared error (twice the blog's rate)
     * @return the untrained 2-4-1 sigmoid network
     */
    public static Sequential create(long seed, double learningRate) {
        return Sequential.builder()
                .input(2)
                .dense(4).activation(new Sigmoid())
                .dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError())
                .optimizer(new Sgd(learningRate))
                .seed(seed)
                .build();
    }
}
