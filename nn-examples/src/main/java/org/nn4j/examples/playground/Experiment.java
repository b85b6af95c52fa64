package org.nn4j.examples.playground;

import org.nn4j.api.Activation;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.SequentialBuilder;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * What {@link Settings} describe, made real: the training and test points, and a fresh network.
 *
 * <pre>
 *   data     xor: the blog's four points, trained and tested on all four
 *            others: TeachingSets with a NumpyRandom(seed), two classes as one 0/1 target column, shuffled and
 *            split into training and test points
 *   network  2 → [Dense(h) → activation] for each hidden size h → Dense(1) → Sigmoid,
 *            the builder's Uniform(−1, 1) weights drawn from another NumpyRandom(seed), as the blog draws them
 * </pre>
 * With the defaults ({@link Settings#DEFAULTS}) the network is the blog's {@code BlogNetwork}, weight for weight.
 *
 * @param settings what was asked for
 * @param train the training points
 * @param test the test points (for xor, the same four points)
 * @param plane the part of the input plane the pictures show: {@code {xMin, xMax, yMin, yMax}}
 */
public record Experiment(Settings settings, Dataset train, Dataset test, double[] plane) {

    /** The blog's inputs. */
    private static final double[][] XOR_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** The blog's targets. */
    private static final double[][] XOR_TARGETS = {{0}, {1}, {1}, {0}};

    /**
     * Copies the plane.
     *
     * @param settings what was asked for
     * @param train the training points
     * @param test the test points
     * @param plane {@code {xMin, xMax, yMin, yMax}}
     */
    public Experiment {
        plane = plane.clone();
    }

    /** @return {@code {xMin, xMax, yMin, yMax}} of the pictures */
    @Override
    public double[] plane() {
        return plane.clone();
    }

    /**
     * Draws the data for some settings.
     *
     * @param settings the settings
     * @return the data, ready for {@link #newModel()}
     */
    public static Experiment of(Settings settings) {
        if (settings.dataset().equals("xor")) {
            Dataset blog = new Dataset(Matrix.of(XOR_INPUTS), Matrix.of(XOR_TARGETS));
            return new Experiment(settings, blog, blog, plane(blog.inputs()));
        }
        NumpyRandom random = new NumpyRandom(settings.seed());
        int n = settings.points();
        double noise = settings.noise();
        Dataset data = switch (settings.dataset()) {
            case "xor-cloud" -> TeachingSets.xor(n, noise, random);
            case "circles" -> TeachingSets.circles(n, noise, 0.5, random);
            case "gaussians" -> oneColumn(TeachingSets.blobs(n / 2, Matrix.of(new double[][] {{-1, -1}, {1, 1}}),
                    0.3 + noise, random));
            case "spirals" -> oneColumn(TeachingSets.spirals(n / 2, 2, noise, random));
            default -> throw new IllegalArgumentException("playground: unknown data set \"" + settings.dataset()
                    + "\"; known: " + Settings.DATASETS);
        };
        Dataset.Split split = data.split(settings.split() / 100.0, random);
        return new Experiment(settings, split.train(), split.test(), plane(data.inputs()));
    }

    /** Two one-hot columns become one 0/1 column: class 1's. */
    private static Dataset oneColumn(Dataset twoClasses) {
        Matrix targets = Matrix.zeros(twoClasses.rows(), 1);
        for (int r = 0; r < twoClasses.rows(); r++) {
            targets.set(r, 0, twoClasses.targets().get(r, 1));
        }
        return new Dataset(twoClasses.inputs(), targets);
    }

    /** The points' range along each axis, widened by 15% on each side, as the {@code --plot} pictures do. */
    private static double[] plane(Matrix inputs) {
        double[] plane = new double[4];
        for (int column = 0; column < 2; column++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < inputs.rows(); r++) {
                lo = Math.min(lo, inputs.get(r, column));
                hi = Math.max(hi, inputs.get(r, column));
            }
            double margin = hi > lo ? 0.15 * (hi - lo) : 0.5;
            plane[2 * column] = lo - margin;
            plane[2 * column + 1] = hi + margin;
        }
        return plane;
    }

    /** @return a new, untrained network as the settings describe it, seeded with their seed */
    public Sequential newModel() {
        SequentialBuilder builder = Sequential.builder().input(2);
        for (int units : settings.hidden()) {
            builder.dense(units).activation(activation(settings.activation()));
        }
        return builder.dense(1).activation(new Sigmoid())
                .loss(loss(settings.loss()))
                .optimizer(optimizer(settings.optimizer(), settings.rate()))
                .random(new NumpyRandom(settings.seed()))
                .build();
    }

    private static Activation activation(String name) {
        return switch (name) {
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "relu" -> new Relu();
            case "leaky-relu" -> new LeakyRelu();
            case "linear" -> new Identity();
            default -> throw new IllegalArgumentException("playground: unknown activation \"" + name + "\"");
        };
    }

    private static Loss loss(String name) {
        return switch (name) {
            case "mse" -> new MeanSquaredError();
            case "bce" -> new BinaryCrossEntropy();
            default -> throw new IllegalArgumentException("playground: unknown loss \"" + name + "\"");
        };
    }

    private static Optimizer optimizer(String name, double rate) {
        return switch (name) {
            case "sgd" -> new Sgd(rate);
            case "momentum" -> new Momentum(rate, 0.9, false);
            case "adam" -> new Adam(rate);
            default -> throw new IllegalArgumentException("playground: unknown optimizer \"" + name + "\"");
        };
    }
}
