package org.nn4j.core.optimizers;

/**
 * A step schedule: the learning rate is multiplied by {@code gamma} every {@code stepSize} epochs (PyTorch's
 * {@code StepLR}).
 * <pre>
 *   factor(epoch) = gamma ^ ⌊epoch / stepSize⌋
 *
 *   stepSize 3, gamma 0.1:   epochs 0–2 → 1,   3–5 → 0.1,   6–8 → 0.01, ...
 * </pre>
 */
public final class StepDecay implements LearningRateSchedule {

    private final int stepSize;
    private final double gamma;

    /**
     * @param stepSize the epochs between two decays, at least 1
     * @param gamma the factor of each decay, in {@code (0, 1]}
     * @throws IllegalArgumentException if a value is out of range
     */
    public StepDecay(int stepSize, double gamma) {
        if (stepSize <= 0) {
            throw new IllegalArgumentException("StepDecay: stepSize must be at least 1, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("StepDecay: gamma must be in (0, 1], got " + gamma);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    /** {@inheritDoc} {@code gamma ^ ⌊epoch / stepSize⌋}. */
    @Override
    public double factor(int epoch) {
        return Math.pow(gamma, epoch / stepSize);
    }

    /** @return the epochs between two decays */
    public int stepSize() {
        return stepSize;
    }

    /** @return the factor of each decay */
    public double gamma() {
        return gamma;
    }

    @Override
    public String toString() {
        return "StepDecay(stepSize=" + stepSize + ", gamma=" + gamma + ")";
    }
}
