package org.nn4j.api.training;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One epoch has been trained.
 *
 * <p>{@code loss} is the mean of the epoch's batch losses weighted by batch size, each computed on the forward
 * pass before that batch's update: for full-batch training it is exactly the number the blog prints for that
 * epoch. {@code metrics} holds anything else measured at the end of the epoch, by name, in a stable order
 * (for example {@code accuracy}, {@code val_loss}, {@code val_accuracy}).
 *
 * @param epoch the epoch, counted from 0
 * @param epochs how many epochs training was asked to run
 * @param loss the epoch's training loss
 * @param metrics further measurements by name; copied into an unmodifiable map
 * @param elapsed time since training started
 */
public record EpochEnd(int epoch, int epochs, double loss, Map<String, Double> metrics, Duration elapsed) {

    /**
     * Copies the metrics so the event stays immutable.
     *
     * @param epoch the epoch, counted from 0
     * @param epochs how many epochs training was asked to run
     * @param loss the epoch's training loss
     * @param metrics further measurements by name; copied into an unmodifiable map
     * @param elapsed time since training started
     */
    public EpochEnd {
        metrics = metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * @param name a metric name such as {@code val_loss}
     * @return its value, or empty if it was not measured
     */
    public OptionalDouble metric(String name) {
        Double v = metrics.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
