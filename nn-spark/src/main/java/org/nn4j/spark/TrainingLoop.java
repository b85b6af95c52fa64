package org.nn4j.spark;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.metrics.Metric;
import org.nn4j.core.model.GradientSum;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.ShardTree;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingException;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.model.UpdateGuard;

/**
 * The driver's side of data-parallel training: {@code Sequential.fit}'s loop over epochs and batches, with the
 * same shuffling (the model's generator, on the driver), the same events in the same order, the same metrics and
 * validation, where each step's gradient is computed by the partitions ({@link WorkerStep}) and the update is
 * applied here, all or nothing, by the model's optimizer with its state.
 * <pre>
 *   each batch:  broadcast the weights;  every partition: its rows' gradient (WorkerStep)
 *                add the partitions' parts (ShardTree, or Spark's treeReduce);  optimizer update;  onBatchEnd
 * </pre>
 */
final class TrainingLoop implements TrainingControl {

    private final JavaSparkContext spark;
    private final Sequential model;
    private final TrainingConfig config;
    private final JavaRDD<ShardBlock> blocks;
    private final ShardLayout layout;
    private final FormatSource format;
    private final boolean fixedOrder;
    private final String key = UUID.randomUUID().toString();
    private final String json;
    private final Optimizer optimizer;
    private final UpdateGuard guard;
    private final List<Parameter> parameters;
    private String stopReason;
    private long startNanos;

    TrainingLoop(JavaSparkContext spark, Sequential model, TrainingConfig config, JavaRDD<ShardBlock> blocks,
            ShardLayout layout, FormatSource format, GradientOrder order) {
        this.spark = spark;
        this.model = model;
        this.config = config;
        this.blocks = blocks;
        this.layout = layout;
        this.format = format;
        this.fixedOrder = order == GradientOrder.FIXED;
        this.json = format.get().toJson(model);
        this.optimizer = model.optimizer();
        this.guard = new UpdateGuard(model.parameters());
        this.parameters = List.copyOf(model.parameters().values());
    }

    TrainingHistory run() {
        int n = (int) layout.rows();
        int batchSize = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int batches = (n + batchSize - 1) / batchSize;
        List<TrainingListener> listeners = config.listeners();
        TrainingHistory.Recorder history = new TrainingHistory.Recorder(config.epochs());
        boolean shuffled = batches > 1 && config.shuffle();
        JavaRDD<EpochBlock> unshuffled = shuffled ? null : inOrder(null);
        startNanos = System.nanoTime();
        tell(listeners, new TrainingStart(config.epochs(), n, batchSize, batches), config.initialEpoch(),
                TrainingException.NO_BATCH);
        int completed = config.initialEpoch();
        double lastLoss = Double.NaN;
        try {
            for (int epoch = config.initialEpoch(); epoch < config.epochs() && stopReason == null; epoch++) {
                Map<String, Double> metrics = config.metrics().isEmpty() && config.validation().isEmpty() ? Map.of()
                        : new LinkedHashMap<>();
                JavaRDD<EpochBlock> rows = shuffled ? inOrder(shuffle(n)) : unshuffled;
                try {
                    lastLoss = epoch(rows, n, epoch, batchSize, batches, metrics);
                } finally {
                    if (shuffled) {
                        rows.unpersist(false);
                    }
                }
                validate(epoch, metrics);
                history.record(lastLoss, metrics);
                completed++;
                if (!listeners.isEmpty()) {
                    tell(listeners, new EpochEnd(epoch, config.epochs(), lastLoss, metrics, elapsed()), epoch,
                            TrainingException.NO_BATCH);
                }
            }
        } finally {
            if (unshuffled != null) {
                unshuffled.unpersist(false);
            }
        }
        TrainingEnd end = new TrainingEnd(completed, lastLoss, stopReason(), elapsed());
        tell(listeners, end, Math.max(0, completed - 1), TrainingException.NO_BATCH);
        return history.finish(stopReason());
    }

    /** Every partition's rows in the epoch's order, kept in memory for the epoch's steps. */
    private JavaRDD<EpochBlock> inOrder(int[] order) {
        Broadcast<int[]> shared = spark.broadcast(order);
        ShardLayout where = layout;
        return blocks.map(block -> block.inOrder(shared.value(), where)).persist(StorageLevel.MEMORY_ONLY());
    }

    /** Fisher–Yates with the model's generator, drawing exactly as {@code Sequential.fit} does. */
    private int[] shuffle(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = model.random().nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private double epoch(JavaRDD<EpochBlock> rows, int n, int epoch, int batchSize, int batches,
            Map<String, Double> metrics) {
        List<Metric> metricList = config.metrics();
        double[] metricSums = new double[metricList.size()];
        double lossSum = 0;
        int seen = 0;
        for (int b = 0; b < batches && stopReason == null; b++) {
            int from = b * batchSize;
            int to = Math.min(n, from + batchSize);
            StepOutcome step = step(rows, epoch, b, from, to, !metricList.isEmpty());
            lossSum += step.loss * (to - from);
            for (int m = 0; m < metricSums.length; m++) {
                try {
                    metricSums[m] += metricList.get(m).value(step.output, step.targets) * (to - from);
                } catch (Throwable e) {
                    throw new TrainingException("metric " + metricList.get(m).name(), epoch, b, true, e);
                }
            }
            seen += to - from;
            if (!config.listeners().isEmpty()) {
                tell(config.listeners(), new BatchEnd(epoch, b, batches, step.loss, elapsed()), epoch, b);
            }
        }
        for (int m = 0; m < metricSums.length; m++) {
            metrics.put(metricList.get(m).name(), metricSums[m] / seen);
        }
        return lossSum / seen;
    }

    /** A step's loss and, when metrics are measured, the batch's outputs and targets in batch order. */
    private record StepOutcome(double loss, Matrix output, Matrix targets) {
    }

    private StepOutcome step(JavaRDD<EpochBlock> rows, int epoch, int batch, int from, int to, boolean withOutputs) {
        Broadcast<double[]> weights = spark.broadcast(values());
        WorkerStep work = new WorkerStep(key, json, format, weights, epoch, batch, from, to, layout.shards(),
                fixedOrder, withOutputs);
        List<StepResult> results;
        try {
            results = fixedOrder ? rows.mapPartitions(work).collect()
                    : List.of(rows.mapPartitions(work).treeReduce(StepResult::merge, 2));
        } catch (Exception e) {
            // Spark's SparkException is checked in Java's eyes, though nothing declares it.
            throw new TrainingException(workerComponent(e), epoch, batch, false, e);
        } finally {
            weights.destroy();
        }
        GradientSum sum;
        if (fixedOrder) {
            Map<ShardTree.Node, GradientSum> nodes = new HashMap<>();
            results.forEach(r -> nodes.putAll(r.nodes()));
            sum = ShardTree.sum(nodes, new ShardTree.Node(0, layout.shards()));
        } else {
            sum = results.get(0).partial;
        }
        sum.copyInto(parameters);
        try {
            guard.update(optimizer);
        } catch (Throwable e) {
            throw new TrainingException("optimizer " + optimizer.describe() + ".update", epoch, batch, false, e);
        }
        if (!withOutputs) {
            return new StepOutcome(sum.loss(), null, null);
        }
        Matrix output = Matrix.zeros(to - from, model.outputSize());
        Matrix targets = Matrix.zeros(to - from, model.outputSize());
        for (StepResult r : results) {
            for (int i = 0; i < r.positions.length; i++) {
                for (int c = 0; c < output.cols(); c++) {
                    output.set(r.positions[i], c, r.outputs[i * output.cols() + c]);
                    targets.set(r.positions[i], c, r.targets[i * output.cols() + c]);
                }
            }
        }
        return new StepOutcome(sum.loss(), output, targets);
    }

    /** The plug-in a failed Spark job names, when a worker's {@link TrainingException} is among its causes. */
    private static String workerComponent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TrainingException te) {
                return te.component() + " (on a Spark executor)";
            }
        }
        return "a Spark job (" + e.getClass().getSimpleName() + ")";
    }

    /** Every parameter value, in the model's parameter order. */
    private double[] values() {
        int size = 0;
        for (Parameter p : parameters) {
            size += p.value().size();
        }
        double[] values = new double[size];
        int at = 0;
        for (Parameter p : parameters) {
            for (int i = 0; i < p.value().size(); i++) {
                values[at++] = p.value().getFlat(i);
            }
        }
        return values;
    }

    /** After an epoch's updates, on the driver, exactly as {@code Sequential.fit} validates. */
    private void validate(int epoch, Map<String, Double> metrics) {
        config.validation().ifPresent(v -> {
            try {
                metrics.put("val_loss", model.evaluateLoss(v.inputs(), v.targets()));
                if (!config.metrics().isEmpty()) {
                    Matrix predicted = model.predict(v.inputs());
                    for (Metric metric : config.metrics()) {
                        metrics.put("val_" + metric.name(), metric.value(predicted, v.targets()));
                    }
                }
            } catch (Throwable e) {
                throw new TrainingException("validation", epoch, TrainingException.NO_BATCH, true, e);
            }
        });
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
                throw new TrainingException("listener " + i + " (" + type + ")." + event.getClass().getSimpleName(),
                        epoch, batch, true, e);
            }
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
