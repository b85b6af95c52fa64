package org.nn4j.examples.cli;

import picocli.CommandLine.Option;

/**
 * The training options every training command shares, named alike everywhere: {@code --seed}, {@code --epochs},
 * {@code --learning-rate}.
 *
 * <p>A command adopts them with a picocli mixin and chooses its own defaults by handing picocli an instance:
 * <pre>
 *   &#64;Mixin TrainingOptions training = new TrainingOptions(42, 1000, 0.2);
 * </pre>
 */
public final class TrainingOptions {

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the numpy-compatible generator (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Optimizer step size (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    /** Seed 0, 100 epochs, learning rate 0.1: used when picocli creates the mixin itself. */
    public TrainingOptions() {
        this(0, 100, 0.1);
    }

    /**
     * @param seed the default seed
     * @param epochs the default number of epochs
     * @param learningRate the default learning rate
     */
    public TrainingOptions(long seed, int epochs, double learningRate) {
        this.seed = seed;
        this.epochs = epochs;
        this.learningRate = learningRate;
    }

    /**
     * Checks the values picocli parsed.
     *
     * @throws IllegalArgumentException naming the one option that is wrong: {@code --epochs} below 1 (a run
     *     without training has nothing to show), or a learning rate that is not a positive finite number
     */
    public void check() {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--learning-rate must be a positive number, got "
                    + learningRate);
        }
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the number of epochs */
    public int epochs() {
        return epochs;
    }

    /** @return the learning rate */
    public double learningRate() {
        return learningRate;
    }
}
