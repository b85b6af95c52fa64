package org.nn4j.core.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.metrics.Metric;

/**
 * The one training loop every {@code fit} goes through, so every path fires the same events in the same order
 * (see {@link TrainingListener}).
 */
final class TrainingLoop implements TrainingControl {

    private final Sequential model;
    private final TrainingConfig config;
    private String stopReason;
    private long startNanos;

    TrainingLoop(Sequential model, TrainingConfig config) {
        this.model = model;
        this.config = config;
    }

    TrainingHistory run(Matrix allInputs, Matrix allTargets) {
        checkData("training", allInputs, allTargets);
        if (config.validation().isPresent()) {
            TrainingConfig.Validation v = config.validation().get();
            checkData("validation", v.inputs(), v.targets());
        }
        Matrix inputs = allInputs;
        Matrix targets = allTargets;
        Optional<TrainingConfig.Validation> validation = config.validation();
        if (config.validationSplit() > 0) {
            // The last rows, before any shuffling, are held out (see TrainingConfig).
            int all = allInputs.rows();
            int train = (int) Math.floor(all * (1 - config.validationSplit()));
            if (train < 1 || train == all) {
                throw new IllegalArgumentException("fit: validation split " + config.validationSplit() + " of "
                        + all + " rows leaves " + train + " for training and " + (all - train)
                        + " for validation; each needs at least one");
            }
            inputs = allInputs.selectRows(range(0, train));
            targets = allTargets.selectRows(range(0, train));
            validation = Optional.of(new TrainingConfig.Validation(allInputs.selectRows(range(train, all)),
                    allTargets.selectRows(range(train, all))));
        }
        int n = inputs.rows();
        int batchSize = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        boolean shuffle = config.shuffle() && batches > 1;
        List<TrainingListener> listeners = config.listeners();
        List<Metric> metricList = config.metrics();
        TrainingHistory.Recorder history = new TrainingHistory.Recorder(config.epochs());

        startNanos = System.nanoTime();
        TrainingStart start = new TrainingStart(config.epochs(), n, batchSize, batches);
        tell(listeners, start, config.initialEpoch(), TrainingException.NO_BATCH);
        int completed = config.initialEpoch();
        double lastLoss = Double.NaN;
        TrainingStep step = model.trainingStep();
        int[] order = range(0, n);
        double[] metricSums = new double[metricList.size()];
        for (int epoch = config.initialEpoch(); epoch < config.epochs() && stopReason == null; epoch++) {
            if (shuffle) {
                // A fresh order every epoch (0, 1, …, n−1 shuffled), so the order depends only on the generator's
                // state at the epoch's start: what a checkpoint saves, so a resumed run shuffles as an
                // uninterrupted one.
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                shuffle(order);
            }
            double lossSum = 0;
            java.util.Arrays.fill(metricSums, 0.0);
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int to = Math.min(n, from + batchSize);
                Matrix x = inputs;
                Matrix y = targets;
                if (batches > 1 || shuffle) {
                    int[] rows = java.util.Arrays.copyOfRange(order, from, to);
                    x = inputs.selectRows(rows);
                    y = targets.selectRows(rows);
                }
                double batchLoss = trainBatch(step, x, y, epoch, b);
                lossSum += batchLoss * (to - from);
                for (int m = 0; m < metricSums.length; m++) {
                    try {
                        metricSums[m] += metricList.get(m).value(step.output(), y) * (to - from);
                    } catch (RuntimeException e) {
                        throw new TrainingException("metric " + metricList.get(m).name(), epoch, b, true, e);
                    }
                }
                seen += to - from;
                if (!listeners.isEmpty()) {
                    // Without listeners nobody sees the event: a tiny network's epoch is then mostly arithmetic.
                    BatchEnd event = new BatchEnd(epoch, b, batches, batchLoss, elapsed());
                    tell(listeners, event, epoch, b);
                }
                if (stopReason != null) {
                    break;
                }
            }
            lastLoss = lossSum / seen;
            Map<String, Double> metrics = Map.of();
            if (metricSums.length > 0 || validation.isPresent()) {
                Map<String, Double> computed = new LinkedHashMap<>();
                for (int m = 0; m < metricSums.length; m++) {
                    computed.put(metricList.get(m).name(), metricSums[m] / seen);
                }
                int e = epoch;
                validation.ifPresent(v -> guard("validation", e, () -> {
                    computed.put("val_loss", model.evaluateLoss(v.inputs(), v.targets()));
                    if (!metricList.isEmpty()) {
                        Matrix predicted = model.predict(v.inputs());
                        for (Metric metric : metricList) {
                            computed.put("val_" + metric.name(), metric.value(predicted, v.targets()));
                        }
                    }
                }));
                metrics = computed;
            }
            history.record(lastLoss, metrics);
            completed++;
            if (!listeners.isEmpty()) {
                EpochEnd event = new EpochEnd(epoch, config.epochs(), lastLoss, metrics, elapsed());
                tell(listeners, event, epoch, TrainingException.NO_BATCH);
            }
        }
        TrainingEnd end = new TrainingEnd(completed, lastLoss, stopReason(), elapsed());
        int lastEpoch = Math.max(0, completed - 1);
        tell(listeners, end, lastEpoch, TrainingException.NO_BATCH);
        return history.finish(stopReason());
    }

    /** One training step; a plug-in that throws is named with the epoch and batch (see TrainingException). */
    private static double trainBatch(TrainingStep step, Matrix x, Matrix y, int epoch, int batch) {
        try {
            return step.run(x, y);
        } catch (PluginFailure f) {
            throw new TrainingException(f.component(), epoch, batch, false, f.getCause());
        }
    }

    /** Tells every listener; one that throws stops training, named with its position and class. */
    private void tell(List<TrainingListener> listeners, Object event, int epoch, int batch) {
        // The event's type picks the method (no lambda per call: a program that trains once, like the xor example,
        // then never starts the JDK's lambda machinery for it).
        for (int i = 0; i < listeners.size(); i++) {
            TrainingListener l = listeners.get(i);
            try {
                if (event instanceof BatchEnd batchEnd) {
                    l.onBatchEnd(batchEnd, this);
                } else if (event instanceof EpochEnd epochEnd) {
                    l.onEpochEnd(epochEnd, this);
                } else if (event instanceof TrainingStart trainingStart) {
                    l.onTrainingStart(trainingStart, this);
                } else {
                    l.onTrainingEnd((TrainingEnd) event, this);
                }
            } catch (RuntimeException e) {
                String type = l.getClass().getSimpleName().isEmpty() ? l.getClass().getName()
                        : l.getClass().getSimpleName();
                throw new TrainingException("listener " + i + " (" + type + ")." + method(event),
                        epoch, batch, true, e);
            }
        }
    }

    /** The listener method an event goes to, for messages. */
    private static String method(Object event) {
        if (event instanceof BatchEnd) {
            return "onBatchEnd";
        }
        if (event instanceof EpochEnd) {
            return "onEpochEnd";
        }
        return event instanceof TrainingStart ? "onTrainingStart" : "onTrainingEnd";
    }

    /** Runs an evaluation after an epoch's updates; a plug-in that throws in it is reported with the epoch. */
    private static void guard(String what, int epoch, Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            throw new TrainingException(what, epoch, TrainingException.NO_BATCH, true, e);
        }
    }

    private void checkData(String what, Matrix inputs, Matrix targets) {
        if (inputs.cols() != model.inputSize()) {
            throw new IllegalArgumentException("fit: " + what + " inputs have " + inputs.cols()
                    + " columns, the model expects " + model.inputSize());
        }
        if (targets.cols() != model.outputSize()) {
            throw new IllegalArgumentException("fit: " + what + " targets have " + targets.cols()
                    + " columns, the model outputs " + model.outputSize());
        }
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("fit: " + what + " inputs have " + inputs.rows()
                    + " rows but targets have " + targets.rows());
        }
        requireFinite(what + " inputs", inputs);
        requireFinite(what + " targets", targets);
    }

    private static void requireFinite(String what, Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            double v = m.getFlat(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("fit: " + what + " hold " + v + " at row " + i / m.cols()
                        + ", column " + i % m.cols());
            }
        }
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    /** Fisher–Yates with the model's generator, so the order depends only on the seed. */
    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = model.random().nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason == null || reason.isBlank() ? "stopped by a listener" : reason;
        }
    }

    @Override
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public Map<String, Parameter> parameters() {
        return model.parameters();
    }
}
