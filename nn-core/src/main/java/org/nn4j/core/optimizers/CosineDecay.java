package org.nn4j.core.optimizers;

/**
 * A cosine schedule: the learning rate falls from the optimizer's rate to {@code minFactor} times it along half a
 * cosine over {@code epochs} epochs, and stays there (Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent
 * with Warm Restarts", 2017, without restarts; PyTorch's {@code CosineAnnealingLR} with
 * {@code eta_min = minFactor·η} over its first {@code T_max} epochs).
 * <pre>
 *   factor(epoch) = minFactor + (1 − minFactor) · (1 + cos(π · min(epoch, epochs) / epochs)) / 2
 *
 *   epochs 10, minFactor 0:   epoch 0 → 1,   5 → 0.5,   10 and later → 0
 * </pre>
 */
public final class CosineDecay implements LearningRateSchedule {

    private final int epochs;
    private final double minFactor;

    /**
     * A schedule down to zero.
     *
     * @param epochs the epochs the decay takes, at least 1
     */
    public CosineDecay(int epochs) {
        this(epochs, 0.0);
    }

    /**
     * @param epochs the epochs the decay takes, at least 1
     * @param minFactor the factor reached at the end, in {@code [0, 1]}
     * @throws IllegalArgumentException if a value is out of range
     */
    public CosineDecay(int epochs, double minFactor) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("CosineDecay: epochs must be at least 1, got " + epochs);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("CosineDecay: minFactor must be in [0, 1], got " + minFactor);
        }
        this.epochs = epochs;
        this.minFactor = minFactor;
    }

    /** {@inheritDoc} Half a cosine from 1 down to {@code minFactor}, then {@code minFactor}. */
    @Override
    public double factor(int epoch) {
        double progress = (double) Math.min(epoch, epochs) / epochs;
        return minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    /** @return the epochs the decay takes */
    public int epochs() {
        return epochs;
    }

    /** @return the factor reached at the end */
    public double minFactor() {
        return minFactor;
    }

    @Override
    public String toString() {
        return "CosineDecay(epochs=" + epochs + ", minFactor=" + minFactor + ")";
    }
}
