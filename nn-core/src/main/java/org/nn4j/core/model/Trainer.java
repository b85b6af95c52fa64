package org.nn4j.core.model;

import com.google.common.base.Stopwatch;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.data.Samples;
import org.nn4j.core.metrics.Metric;

/**
 * Trains a {@link Sequential}: the loop over epochs and batches, and {@link #step one training step} that reads like
 * the blog's {@code train}: forward, loss, backward, update. Every {@code fit} goes through here, so every path
 * fires the same events in the same order (see {@link TrainingListener}).
 *
 * <p>If a plug-in throws (anything: an {@link Error} or an undeclared checked exception too), training stops with a
 * {@link TrainingException} naming it, the epoch and the batch; the optimizer's update is all or nothing
 * ({@link UpdateGuard}), so no parameter is left half-updated. After every step {@link FiniteCheck} stops training
 * at the first NaN or infinity in the loss, a layer's output or a parameter.
 */
final class Trainer implements TrainingControl {

    private final Sequential model;
    private final TrainingConfig config;
    private final Optimizer optimizer;
    private final UpdateGuard guard;
    /** Forward, loss and backward on a batch: the first three of the step's four parts. */
    private final GradientPass pass;
    /** The same, shard by shard in a fixed order, when the configuration asks for shards; else null. */
    private ShardedGradient sharded;
    private String stopReason;
    private final Stopwatch stopwatch = Stopwatch.createUnstarted();

    Trainer(Sequential model, TrainingConfig config) {
        this.model = model;
        this.config = config;
        this.optimizer = model.optimizer();
        this.guard = new UpdateGuard(model.parameters());
        this.pass = new GradientPass(model);
    }

    /**
     * One training step on one batch: the heart of backpropagation.
     * <pre>
     *   forward    trace[0] = x;   trace[i+1] = layer i.forward(trace[i])        the blog's a1 and output
     *   loss       L = loss.value(trace[n], y);   g = ∂L/∂trace[n]
     *   backward   zero every parameter gradient;  for i = n−1 … 0:  g = layer i.backward(trace[i], trace[i+1], g)
     *   update     optimizer.update(parameters), all or nothing
     *   check      stop training if the loss, a layer's output or a parameter is NaN or infinite
     * </pre>
     * The first three are {@link GradientPass}; with {@code shards(S)} they run shard by shard and the gradients
     * are added over the {@link ShardTree} ({@link ShardedGradient}), as a data-parallel trainer adds its workers'.
     *
     * @param rows each batch row's index in the training data (used only with shards)
     * @return the batch's loss, computed before the update
     */
    private double step(Matrix x, Matrix y, int[] rows, int epoch, int batch) {
        double value = sharded == null ? pass.compute(x, y, epoch, batch) : sharded.compute(x, y, rows, epoch, batch);
        try {
            guard.update(optimizer);
        } catch (Throwable e) {
            throw new TrainingException("optimizer " + optimizer.describe() + ".update", epoch, batch, false, e);
        }
        stopIfNotFinite(value, epoch, batch);
        return value;
    }

    /** Stops training when the step diverged, naming where it starts ({@link FiniteCheck}). */
    private void stopIfNotFinite(double loss, int epoch, int batch) {
        FiniteCheck.problem(loss, pass.trace(), model, model.parameters(), epoch, batch).ifPresent(this::requestStop);
    }

    /** @return the model's output for the batch just stepped on, rows in batch order */
    private Matrix output() {
        return sharded == null ? pass.output() : sharded.output();
    }

    /**
     * Trains on the data as the configuration says, telling the listeners.
     *
     * @param allInputs one sample per row
     * @param allTargets one target per row
     * @return the loss and metrics of every epoch
     */
    TrainingHistory fit(Matrix allInputs, Matrix allTargets) {
        checkData("training", allInputs, allTargets);
        return fit(Samples.of(allInputs, allTargets));
    }

    /**
     * Trains on samples that make their batches on demand (see {@link Samples}), as the configuration says.
     *
     * @param all the training samples (and, with a validation split, the validation samples after them)
     * @return the loss and metrics of every epoch
     */
    TrainingHistory fit(Samples all) {
        if (all.inputColumns() != model.inputSize() || all.targetColumns() != model.outputSize()) {
            throw new IllegalArgumentException("fit: training samples have " + all.inputColumns() + " input and "
                    + all.targetColumns() + " target columns, the model takes " + model.inputSize()
                    + " and outputs " + model.outputSize());
        }
        config.validation().ifPresent(v -> checkData("validation", v.inputs(), v.targets()));
        Data data = config.validationSplit() > 0 ? holdOut(all) : new Data(all, config.validation());
        int n = data.samples().rows();
        int batchSize = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        sharded = config.shards() > 1 ? new ShardedGradient(pass, model, config.shards(), n) : null;
        List<TrainingListener> listeners = config.listeners();
        TrainingHistory.Recorder history = new TrainingHistory.Recorder(config.epochs());

        stopwatch.reset().start();
        tell(listeners, new TrainingStart(config.epochs(), n, batchSize, batches), config.initialEpoch(),
                TrainingException.NO_BATCH);
        int completed = config.initialEpoch();
        double lastLoss = Double.NaN;
        for (int epoch = config.initialEpoch(); epoch < config.epochs() && stopReason == null; epoch++) {
            Map<String, Double> metrics = config.metrics().isEmpty() && data.validation().isEmpty() ? Map.of()
                    : new LinkedHashMap<>();
            lastLoss = epoch(data, epoch, batchSize, batches, metrics);
            validate(data, epoch, metrics);
            history.record(lastLoss, metrics);
            completed++;
            if (!listeners.isEmpty()) {
                EpochEnd event = new EpochEnd(epoch, config.epochs(), lastLoss, metrics, elapsed());
                tell(listeners, event, epoch, TrainingException.NO_BATCH);
            }
        }
        TrainingEnd end = new TrainingEnd(completed, lastLoss, stopReason(), elapsed());
        tell(listeners, end, Math.max(0, completed - 1), TrainingException.NO_BATCH);
        return history.finish(stopReason());
    }

    /** The training samples and the validation data, if any. */
    private record Data(Samples samples, Optional<TrainingConfig.Validation> validation) {
    }

    /** Holds out the last rows, before any shuffling, for validation (see TrainingConfig). */
    private Data holdOut(Samples samples) {
        int all = samples.rows();
        int train = (int) Math.floor(all * (1 - config.validationSplit()));
        if (train < 1 || train == all) {
            throw new IllegalArgumentException("fit: validation split " + config.validationSplit() + " of "
                    + all + " rows leaves " + train + " for training and " + (all - train)
                    + " for validation; each needs at least one");
        }
        return new Data(samples.range(0, train), Optional.of(new TrainingConfig.Validation(
                samples.inputs(range(train, all)), samples.targets(range(train, all)))));
    }

    /**
     * One epoch: every batch through {@link #step}, the listeners told after each; the training metrics of the
     * epoch go into {@code metrics}.
     *
     * @return the epoch's loss, the mean of the batches' losses weighted by their sizes
     */
    private double epoch(Data data, int epoch, int batchSize, int batches, Map<String, Double> metrics) {
        int n = data.samples().rows();
        int[] order = range(0, n);
        if (batches > 1 && config.shuffle()) {
            // A fresh shuffle of 0, 1, …, n−1 every epoch: the order depends only on the generator's state at the
            // epoch's start, which a checkpoint saves, so a resumed run shuffles as an uninterrupted one.
            shuffle(order);
        }
        List<Metric> metricList = config.metrics();
        double[] metricSums = new double[metricList.size()];
        double lossSum = 0;
        int seen = 0;
        for (int b = 0; b < batches && stopReason == null; b++) {
            int from = b * batchSize;
            int to = Math.min(n, from + batchSize);
            int[] rows = Arrays.copyOfRange(order, from, to);
            Matrix x = data.samples().inputs(rows);
            Matrix y = data.samples().targets(rows);
            double batchLoss = step(x, y, rows, epoch, b);
            lossSum += batchLoss * (to - from);
            for (int m = 0; m < metricSums.length; m++) {
                try {
                    metricSums[m] += metricList.get(m).value(output(), y) * (to - from);
                } catch (Throwable e) {
                    throw new TrainingException("metric " + metricList.get(m).name(), epoch, b, true, e);
                }
            }
            seen += to - from;
            if (!config.listeners().isEmpty()) {
                tell(config.listeners(), new BatchEnd(epoch, b, batches, batchLoss, elapsed()), epoch, b);
            }
        }
        for (int m = 0; m < metricSums.length; m++) {
            metrics.put(metricList.get(m).name(), metricSums[m] / seen);
        }
        return lossSum / seen;
    }

    /** Adds the validation loss and metrics after an epoch's updates, when there is validation data. */
    private void validate(Data data, int epoch, Map<String, Double> metrics) {
        if (data.validation().isEmpty()) {
            return;
        }
        data.validation().ifPresent(v -> guard("validation", epoch, () -> {
            metrics.put("val_loss", model.evaluateLoss(v.inputs(), v.targets()));
            if (!config.metrics().isEmpty()) {
                Matrix predicted = model.predict(v.inputs());
                for (Metric metric : config.metrics()) {
                    metrics.put("val_" + metric.name(), metric.value(predicted, v.targets()));
                }
            }
        }));
    }

    /** Tells every listener; one that throws stops training, named with its position and class. */
    private void tell(List<TrainingListener> listeners, Object event, int epoch, int batch) {
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
            } catch (Throwable e) {
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
        } catch (Throwable e) {
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
        return stopwatch.elapsed();
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
