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

    TrainingHistory run(Matrix inputs, Matrix targets) {
        checkData("training", inputs, targets);
        config.validation().ifPresent(v -> checkData("validation", v.inputs(), v.targets()));
        int n = inputs.rows();
        int batchSize = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        boolean shuffle = config.shuffle() && batches > 1;
        List<TrainingListener> listeners = config.listeners();
        TrainingHistory.Recorder history = new TrainingHistory.Recorder();

        startNanos = System.nanoTime();
        TrainingStart start = new TrainingStart(config.epochs(), n, batchSize, batches);
        for (TrainingListener l : listeners) {
            l.onTrainingStart(start, this);
        }
        int[] order = identity(n);
        int completed = 0;
        double lastLoss = Double.NaN;
        for (int epoch = 0; epoch < config.epochs() && stopReason == null; epoch++) {
            if (shuffle) {
                shuffle(order);
            }
            double lossSum = 0;
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
                double batchLoss = model.trainBatch(x, y);
                lossSum += batchLoss * (to - from);
                seen += to - from;
                BatchEnd event = new BatchEnd(epoch, b, batches, batchLoss, elapsed());
                for (TrainingListener l : listeners) {
                    l.onBatchEnd(event, this);
                }
                if (stopReason != null) {
                    break;
                }
            }
            lastLoss = lossSum / seen;
            Map<String, Double> metrics = new LinkedHashMap<>();
            config.validation().ifPresent(v ->
                    metrics.put("val_loss", model.loss().value(model.predict(v.inputs()), v.targets())));
            history.record(lastLoss, metrics);
            completed++;
            EpochEnd event = new EpochEnd(epoch, config.epochs(), lastLoss, metrics, elapsed());
            for (TrainingListener l : listeners) {
                l.onEpochEnd(event, this);
            }
        }
        TrainingEnd end = new TrainingEnd(completed, lastLoss, stopReason(), elapsed());
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(end, this);
        }
        return history.finish(stopReason());
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

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
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
