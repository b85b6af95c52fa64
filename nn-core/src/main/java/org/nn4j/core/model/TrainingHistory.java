package org.nn4j.core.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
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

    private TrainingHistory(Values loss, Map<String, List<Double>> metrics, Optional<String> stopReason) {
        this.loss = loss;
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : metrics.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        this.metrics = Collections.unmodifiableMap(copy);
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

    /** Collects a history while training runs: the losses in a plain array, boxed only when read. */
    static final class Recorder {

        private double[] loss;
        private int epochs;
        private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

        /** @param epochs the epochs planned, so the loss array rarely grows while training */
        Recorder(int epochs) {
            loss = new double[Math.max(1, Math.min(epochs, 1 << 20))];
        }

        void record(double epochLoss, Map<String, Double> epochMetrics) {
            if (epochs == loss.length) {
                loss = Arrays.copyOf(loss, 2 * epochs);
            }
            loss[epochs++] = epochLoss;
            if (!epochMetrics.isEmpty()) {
                epochMetrics.forEach((k, v) -> metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }

        TrainingHistory finish(Optional<String> stopReason) {
            // A full array is handed over as it is (the recorder is done with it): one epoch count's copy less.
            double[] values = epochs == loss.length ? loss : Arrays.copyOf(loss, epochs);
            return new TrainingHistory(new Values(values), metrics, stopReason);
        }
    }

    /** An unmodifiable list of doubles over an array nobody else holds; each {@code get} boxes one value. */
    private static final class Values extends AbstractList<Double> implements RandomAccess {

        private final double[] values;

        Values(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int index) {
            return values[Objects.checkIndex(index, values.length)];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
