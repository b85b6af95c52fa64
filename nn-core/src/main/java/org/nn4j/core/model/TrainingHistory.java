package org.nn4j.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What training measured, epoch by epoch: the training loss and every further metric (such as {@code accuracy},
 * {@code val_loss} and {@code val_accuracy}, see {@link TrainingConfig}), and why training stopped if it stopped
 * early. Immutable.
 */
public final class TrainingHistory {

    private final List<Double> loss;
    private final Map<String, List<Double>> metrics;
    private final Optional<String> stopReason;

    private TrainingHistory(List<Double> loss, Map<String, List<Double>> metrics, Optional<String> stopReason) {
        this.loss = ImmutableList.copyOf(loss);
        ImmutableMap.Builder<String, List<Double>> copy = ImmutableMap.builder();
        metrics.forEach((k, v) -> copy.put(k, ImmutableList.copyOf(v)));
        this.metrics = copy.buildOrThrow();
        this.stopReason = stopReason;
    }

    /** @return the number of completed epochs */
    public int epochs() {
        return loss.size();
    }

    /** @return the training loss of every completed epoch, in order */
    public List<Double> loss() {
        return loss;
    }

    /** @return the training loss of the last completed epoch, or {@code NaN} if none completed */
    public double finalLoss() {
        return loss.isEmpty() ? Double.NaN : loss.get(loss.size() - 1);
    }

    /** @return the names of the recorded metrics, in the order they were first reported */
    public Set<String> metricNames() {
        return metrics.keySet();
    }

    /**
     * @param name a metric name such as {@code val_loss}
     * @return its value at every epoch, or an empty list if it was never recorded
     */
    public List<Double> metric(String name) {
        return metrics.getOrDefault(name, List.of());
    }

    /** @return the validation loss of every completed epoch, or an empty list if there was no validation */
    public List<Double> validationLoss() {
        return metric("val_loss");
    }

    /**
     * @param name a metric name such as {@code val_accuracy}
     * @return its value at the last completed epoch, or {@code NaN} if it was never recorded
     */
    public double finalMetric(String name) {
        List<Double> values = metric(name);
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    /** @return why training stopped early, or empty if it ran every epoch */
    public Optional<String> stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "TrainingHistory[epochs=" + epochs() + ", finalLoss=" + finalLoss() + ", metrics="
                + metrics.keySet() + stopReason.map(r -> ", stopped: " + r).orElse("") + "]";
    }

    /** Collects a history while training runs. */
    static final class Recorder {

        private final List<Double> loss;
        private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

        /** @param epochs the epochs planned, so the loss list never grows while training */
        Recorder(int epochs) {
            loss = new ArrayList<>(Math.max(0, Math.min(epochs, 1 << 20)));
        }

        void record(double epochLoss, Map<String, Double> epochMetrics) {
            loss.add(epochLoss);
            if (!epochMetrics.isEmpty()) {
                epochMetrics.forEach((k, v) -> metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }

        TrainingHistory finish(Optional<String> stopReason) {
            return new TrainingHistory(loss, metrics, stopReason);
        }
    }
}
