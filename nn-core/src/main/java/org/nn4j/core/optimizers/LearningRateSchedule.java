package org.nn4j.core.optimizers;

/**
 * How the learning rate changes from epoch to epoch, as a factor of the optimizer's own rate:
 * {@code η(epoch) = η · factor(epoch)}. {@link Scheduled} applies it to any optimizer; {@link StepDecay} and
 * {@link CosineDecay} are the two built-in schedules (PyTorch's {@code StepLR} and {@code CosineAnnealingLR}).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The factor of the learning rate during an epoch.
     *
     * @param epoch the epoch, counted from 0
     * @return a positive, finite factor; 1 means the optimizer's own rate
     */
    double factor(int epoch);
}
