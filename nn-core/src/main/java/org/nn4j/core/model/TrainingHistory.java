package org.nn4j.core.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * What training measured, epoch by epoch: the training loss and every further metric (such as {@code accuracy},
 * {@code val_loss} and {@code val_accuracy}, see {@link TrainingConfig}), and why training stopped if it stopped
 * early. Immutable.
 *
 * <p><b>Bounded memory.</b> A run of up to {@link #FULL_RECORD_EPOCHS} epochs is recorded in full: {@code loss()}
 * holds every epoch's loss. A longer run is downsampled, so that {@code fit} with two billion epochs does not need
 * gigabytes: the record keeps every {@code k}-th epoch ({@link #recordedEvery()}, a power of two chosen so that
 * at most {@code FULL_RECORD_EPOCHS} values are kept), the same epochs for the loss and for every metric, and
 * {@link #recordedEpochs()} says which they are. {@link #epochs()}, {@link #finalLoss()} and
 * {@link #finalMetric(String)} are exact whatever the length. The loss plot draws the recorded epochs.
 */
public final class TrainingHistory {

    /** The longest run recorded epoch by epoch: 131,072 epochs (1 MiB of doubles per series). */
    public static final int FULL_RECORD_EPOCHS = 1 << 17;

    private final int epochs;
    private final int every;
    private final List<Double> loss;
    private final ImmutableMap<String, List<Double>> metrics;
    private final double finalLoss;
    private final ImmutableMap<String, Double> finalMetrics;
    private final Optional<String> stopReason;

    private TrainingHistory(Recorder recorder, Optional<String> stopReason) {
        this.epochs = recorder.epochs;
        this.every = recorder.every;
        this.loss = new Values(Arrays.copyOf(recorder.loss, recorder.kept));
        // The series stay lists over double[] (Values), not ImmutableList<Double>: a boxed Double costs 16 bytes and
        // its reference 4 to 8 more, three times the 8 of a double, for up to FULL_RECORD_EPOCHS values per series.
        ImmutableMap.Builder<String, List<Double>> copy = ImmutableMap.builder();
        for (Map.Entry<String, double[]> e : recorder.metrics.entrySet()) {
            copy.put(e.getKey(), new Values(Arrays.copyOf(e.getValue(), recorder.kept)));
        }
        this.metrics = copy.buildOrThrow();
        this.finalLoss = recorder.lastLoss;
        this.finalMetrics = ImmutableMap.copyOf(recorder.lastMetrics);
        this.stopReason = stopReason;
    }

    /** @return the number of completed epochs */
    public int epochs() {
        return epochs;
    }

    /**
     * @return the training loss of every recorded epoch, in order: every completed epoch when there were at most
     *     {@link #FULL_RECORD_EPOCHS}, else the epochs {@link #recordedEpochs()} lists
     */
    public List<Double> loss() {
        return loss;
    }

    /** @return 1 when every epoch is recorded, else the spacing {@code k} of the recorded epochs (a power of two) */
    public int recordedEvery() {
        return every;
    }

    /** @return the index (from 0, counted in this run) of the epoch behind each recorded value: 0, k, 2k, … */
    public ImmutableList<Integer> recordedEpochs() {
        ImmutableList.Builder<Integer> indexes = ImmutableList.builderWithExpectedSize(loss.size());
        for (int i = 0; i < loss.size(); i++) {
            indexes.add(i * every);
        }
        return indexes.build();
    }

    /** @return the training loss of the last completed epoch, or {@code NaN} if none completed */
    public double finalLoss() {
        return finalLoss;
    }

    /** @return the names of the recorded metrics, in the order they were first reported */
    public ImmutableSet<String> metricNames() {
        return metrics.keySet();
    }

    /**
     * @param name a metric name such as {@code val_loss}
     * @return its value at every recorded epoch (as {@link #loss()}), or an empty list if it was never recorded
     */
    public List<Double> metric(String name) {
        return metrics.getOrDefault(name, List.of());
    }

    /** @return the validation loss of every recorded epoch, or an empty list if there was no validation */
    public List<Double> validationLoss() {
        return metric("val_loss");
    }

    /**
     * @param name a metric name such as {@code val_accuracy}
     * @return its value at the last completed epoch, or {@code NaN} if it was never recorded
     */
    public double finalMetric(String name) {
        return finalMetrics.getOrDefault(name, Double.NaN);
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

    /**
     * Collects a history while training runs, in plain arrays of at most a fixed capacity: every epoch until the
     * arrays are full, then every second value is dropped and only every {@code 2k}-th epoch is kept, and so on.
     */
    public static final class Recorder {

        private final int capacity;
        private double[] loss;
        private final Map<String, double[]> metrics = new LinkedHashMap<>();
        private final Map<String, Double> lastMetrics = new LinkedHashMap<>();
        private double lastLoss = Double.NaN;
        private int epochs;
        private int kept;
        private int every = 1;

        /**
         * A recorder for a training loop outside this package (a data-parallel trainer), which records exactly as
         * {@code fit} does.
         *
         * @param epochs the epochs planned, so the arrays rarely grow while training
         */
        public Recorder(int epochs) {
            this(epochs, FULL_RECORD_EPOCHS);
        }

        /**
         * @param epochs the epochs planned
         * @param capacity the most values kept per series, even and at least 2
         */
        Recorder(int epochs, int capacity) {
            this.capacity = capacity;
            this.loss = new double[Math.max(1, Math.min(epochs, capacity))];
        }

        /**
         * Records one epoch.
         *
         * @param epochLoss the epoch's loss
         * @param epochMetrics its metrics by name, in report order
         */
        public void record(double epochLoss, Map<String, Double> epochMetrics) {
            int epoch = epochs++;
            lastLoss = epochLoss;
            lastMetrics.putAll(epochMetrics);
            if (epoch % every != 0) {
                return;
            }
            if (kept == capacity) {
                halve();
                if (epoch % every != 0) {
                    return;
                }
            }
            if (kept == loss.length) {
                loss = Arrays.copyOf(loss, Math.min(capacity, 2 * kept));
                metrics.replaceAll((name, values) -> Arrays.copyOf(values, loss.length));
            }
            loss[kept] = epochLoss;
            for (Map.Entry<String, Double> e : epochMetrics.entrySet()) {
                double[] values = metrics.computeIfAbsent(e.getKey(), k -> filled(loss.length));
                values[kept] = e.getValue();
            }
            kept++;
        }

        /** Keeps the values of epochs 0, 2k, 4k, …: every second one. */
        private void halve() {
            for (int i = 0; i < kept / 2; i++) {
                loss[i] = loss[2 * i];
                for (double[] values : metrics.values()) {
                    values[i] = values[2 * i];
                }
            }
            kept /= 2;
            every *= 2;
        }

        /** A metric first reported after some epochs has no value for those: NaN, so the series stay aligned. */
        private static double[] filled(int length) {
            double[] values = new double[length];
            Arrays.fill(values, Double.NaN);
            return values;
        }

        /**
         * The history of the epochs recorded.
         *
         * @param stopReason why training stopped early, if it did
         * @return the history
         */
        public TrainingHistory finish(Optional<String> stopReason) {
            return new TrainingHistory(this, stopReason);
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
