package org.nn4j.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import scala.Tuple2;

/**
 * Trains a {@link Sequential} on Spark by synchronous data-parallel mini-batch training: the same training as
 * {@link Sequential#fit(Matrix, Matrix, TrainingConfig)} with the same configuration, each batch's gradient computed
 * by the partitions that hold its rows.
 * <pre>
 *   TrainingConfig config = TrainingConfig.builder().epochs(20).batchSize(32).shards(4)
 *           .metric(new Accuracy()).listener(CheckpointListener.of(model, dir)).build();
 *   TrainingHistory history = DataParallelTrainer.on(spark).label("species").fit(model, flowers, config);
 *   // the same weights, bit for bit, as model.fit(inputs, targets, config) on one machine
 * </pre>
 *
 * <p><b>One step.</b> The driver broadcasts the weights; every partition runs the textbook forward, loss and
 * backward pass ({@code GradientPass}) on its rows of the batch, shard by shard; Spark brings the weighted
 * gradients back, the driver adds them over the fixed tree of shards ({@code ShardTree}) and applies the
 * model's optimizer, with its state, all or nothing. Synchronous SGD over the partitions is SGD over the union of
 * their rows: nothing is averaged but gradients, and no worker ever holds stale weights.
 *
 * <p><b>The same numbers.</b> {@code config.shards()} fixes how each batch's gradient is cut and added; with
 * {@link GradientOrder#FIXED} (the default) the weights equal those of {@code model.fit(inputs, targets, config)}
 * on one machine, bit for bit, for any number of partitions up to the number of shards, and a task Spark retries
 * recomputes exactly what it lost. The rows are numbered in the data's order (as {@code zipWithIndex} numbers
 * them), shuffled each epoch with the model's generator on the driver as {@code fit} shuffles them, and cut into
 * batches.
 *
 * <p><b>Behaves as on one machine.</b> Listeners get the same events in the same order (so {@code LossLogger},
 * {@code EarlyStopping} and {@code CheckpointListener} work unchanged, and a run resumed from a checkpoint with
 * {@code initialEpoch} continues exactly), metrics are measured on every batch's outputs, validation data (given
 * as matrices, {@link TrainingConfig.Builder#validation}) is evaluated on the driver. Not supported, with a clear
 * error: {@code validationSplit} (hold the rows out of the data instead), layers that draw random numbers while
 * training (dropout) or change their state while training (batch normalisation).
 *
 * <p><b>Cost.</b> Each step sends the weights to every partition and one gradient back from each: about
 * {@code 2 × parameters × partitions} numbers, plus Spark's cost of a job (milliseconds on a cluster). It pays when
 * a batch's arithmetic outweighs that; see {@code docs/spark.md} for the measurements.
 */
public final class DataParallelTrainer {

    private final JavaSparkContext spark;
    private final int partitions;
    private final GradientOrder order;
    private final FormatSource format;
    private final List<String> features;
    private final String label;
    private final List<String> targets;

    private DataParallelTrainer(JavaSparkContext spark, int partitions, GradientOrder order, FormatSource format,
            List<String> features, String label, List<String> targets) {
        this.spark = spark;
        this.partitions = partitions;
        this.order = order;
        this.format = format;
        this.features = features;
        this.label = label;
        this.targets = targets;
    }

    /**
     * A trainer on a Spark session, adding in {@link GradientOrder#FIXED} order with as many partitions as the
     * shards or Spark's default parallelism allow, whichever is fewer.
     *
     * @param session the Spark session
     * @return the trainer
     */
    public static DataParallelTrainer on(SparkSession session) {
        return new DataParallelTrainer(JavaSparkContext.fromSparkContext(session.sparkContext()), 0,
                GradientOrder.FIXED, FormatSource.standard(), List.of(), null, List.of());
    }

    /**
     * @param count the partitions the data is spread over, from 1 to the configuration's shards; 0 for the default
     * @return a trainer like this one with that many partitions
     */
    public DataParallelTrainer partitions(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("DataParallelTrainer.partitions: must be 0 (default) or more, got "
                    + count);
        }
        return new DataParallelTrainer(spark, count, order, format, features, label, targets);
    }

    /**
     * @param gradientOrder how the partitions' gradients are added
     * @return a trainer like this one adding in that order
     */
    public DataParallelTrainer order(GradientOrder gradientOrder) {
        return new DataParallelTrainer(spark, partitions, Objects.requireNonNull(gradientOrder), format, features,
                label, targets);
    }

    /**
     * @param source gives executors a format whose registry knows the model's plug-ins (default: the standard one)
     * @return a trainer like this one
     */
    public DataParallelTrainer format(FormatSource source) {
        return new DataParallelTrainer(spark, partitions, order, Objects.requireNonNull(source), features, label,
                targets);
    }

    /**
     * @param columns the columns holding the model's inputs, in input order (default: the model's feature names)
     * @return a trainer like this one
     */
    public DataParallelTrainer features(List<String> columns) {
        return new DataParallelTrainer(spark, partitions, order, format, List.copyOf(columns), label, targets);
    }

    /**
     * Takes each row's target from a class column: its value, one of the model's class names (or, for a model
     * without class names, a class index), becomes a one-hot row.
     *
     * @param column the class column
     * @return a trainer like this one
     */
    public DataParallelTrainer label(String column) {
        return new DataParallelTrainer(spark, partitions, order, format, features, Objects.requireNonNull(column),
                List.of());
    }

    /**
     * Takes each row's targets from numeric columns, one per model output (for regression).
     *
     * @param columns the target columns, in output order
     * @return a trainer like this one
     */
    public DataParallelTrainer targets(List<String> columns) {
        return new DataParallelTrainer(spark, partitions, order, format, features, null, List.copyOf(columns));
    }

    /**
     * Trains on a {@code DataFrame}.
     *
     * @param model the model to train; its parameters, optimizer state and generator move on as with {@code fit}
     * @param data rows holding the feature columns and the label or target columns
     * @param config how to train, as for {@code fit}; {@code shards()} decides how each batch is cut
     * @return the loss and metrics of every epoch
     * @throws IllegalArgumentException if a column is missing or holds something other than numbers (or known
     *     class names), or the configuration asks for a validation split
     * @throws org.nn4j.core.model.TrainingException if a plug-in or a Spark job failed; it names which
     */
    public TrainingHistory fit(Sequential model, Dataset<Row> data, TrainingConfig config) {
        List<String> inputs = features.isEmpty() ? model.names().features() : features;
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("DataParallelTrainer: the model has no feature names; name the input"
                    + " columns with features(...)");
        }
        RowValues values = RowValues.of(data.schema(), inputs, label, targets, model);
        JavaPairRDD<Long, double[]> rows = data.javaRDD().zipWithIndex().mapToPair(values);
        return fit(model, rows, inputs.size(), config);
    }

    /**
     * Trains on matrices held by the driver, spread over the cluster: for data that fits in the driver's memory,
     * and for comparing with {@code fit} on the same matrices.
     *
     * @param model the model to train
     * @param inputs one sample per row
     * @param targets one target per row
     * @param config how to train
     * @return the loss and metrics of every epoch
     */
    public TrainingHistory fit(Sequential model, Matrix inputs, Matrix targets, TrainingConfig config) {
        if (inputs.rows() != targets.rows() || inputs.cols() != model.inputSize()
                || targets.cols() != model.outputSize()) {
            throw new IllegalArgumentException("DataParallelTrainer.fit: inputs " + inputs.shape() + " and targets "
                    + targets.shape() + " do not fit a model of " + model.inputSize() + " inputs and "
                    + model.outputSize() + " outputs");
        }
        List<Tuple2<Long, double[]>> rows = new ArrayList<>(inputs.rows());
        for (int r = 0; r < inputs.rows(); r++) {
            double[] row = new double[inputs.cols() + targets.cols()];
            for (int c = 0; c < inputs.cols(); c++) {
                row[c] = inputs.get(r, c);
            }
            for (int c = 0; c < targets.cols(); c++) {
                row[inputs.cols() + c] = targets.get(r, c);
            }
            rows.add(new Tuple2<>((long) r, row));
        }
        return fit(model, spark.parallelizePairs(rows, Math.max(1, Math.min(rows.size(), partitionsFor(config)))),
                inputs.cols(), config);
    }

    private TrainingHistory fit(Sequential model, JavaPairRDD<Long, double[]> rows, int inputs,
            TrainingConfig config) {
        if (model.isSnapshot()) {
            throw new IllegalStateException("DataParallelTrainer.fit: this model is a snapshot for inference");
        }
        if (config.validationSplit() > 0) {
            throw new IllegalArgumentException("DataParallelTrainer: a validation split is not supported on Spark;"
                    + " keep validation rows out of the data and give them with TrainingConfig.validation(...)");
        }
        long n = count(rows);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("DataParallelTrainer: the data has " + n + " rows; fit trains on 1 to "
                    + Integer.MAX_VALUE);
        }
        int shards = (int) Math.min(config.shards(), n);
        ShardLayout layout = new ShardLayout(n, shards, Math.min(shards, partitionsFor(config)));
        int outputs = model.outputSize();
        JavaRDD<ShardBlock> blocks = rows.partitionBy(layout)
                .mapPartitionsWithIndex((p, it) -> Collections.singletonList(ShardBlock.of(p, it, layout, inputs,
                        outputs)).iterator(), true)
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            return new TrainingLoop(spark, model, config, blocks, layout, format, order).run();
        } finally {
            blocks.unpersist(false);
        }
    }

    /**
     * Counts the rows, which reads every one of them: a row the data cannot be trained on fails this job, and its
     * message (which names the column and the row) is rethrown here rather than as Spark's job failure.
     */
    private static long count(JavaPairRDD<Long, double[]> rows) {
        try {
            return rows.count();
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException bad) {
                    throw new IllegalArgumentException(bad.getMessage(), e);
                }
            }
            throw e;
        }
    }

    private int partitionsFor(TrainingConfig config) {
        int wanted = partitions > 0 ? partitions : spark.defaultParallelism();
        if (partitions > config.shards()) {
            throw new IllegalArgumentException("DataParallelTrainer: " + partitions + " partitions for "
                    + config.shards() + " shards; give TrainingConfig.shards(...) at least as many shards");
        }
        return Math.min(wanted, config.shards());
    }

    /** Reads a row's inputs and one-hot or numeric targets into one array, keyed by the row's index. */
    private record RowValues(int[] featureAt, List<String> features, int labelAt, String label, List<String> classes,
            int[] targetAt, List<String> targets, int outputs) implements PairFunction<Tuple2<Row, Long>, Long,
            double[]> {

        private static final long serialVersionUID = 1L;

        static RowValues of(org.apache.spark.sql.types.StructType schema, List<String> features, String label,
                List<String> targets, Sequential model) {
            int[] featureAt = Columns.find(schema, features, "feature");
            if (label == null && targets.isEmpty()) {
                throw new IllegalArgumentException("DataParallelTrainer: name the target with label(column) or"
                        + " targets(columns)");
            }
            if (label == null && targets.size() != model.outputSize()) {
                throw new IllegalArgumentException("DataParallelTrainer: " + targets.size() + " target columns for a"
                        + " model of " + model.outputSize() + " outputs");
            }
            int labelAt = label == null ? -1 : Columns.find(schema, List.of(label), "label")[0];
            int[] targetAt = Columns.find(schema, targets, "target");
            return new RowValues(featureAt, List.copyOf(features), labelAt, label, model.names().classes(), targetAt,
                    List.copyOf(targets), model.outputSize());
        }

        @Override
        public Tuple2<Long, double[]> call(Tuple2<Row, Long> indexed) {
            Row row = indexed._1();
            double[] values = new double[featureAt.length + outputs];
            Columns.read(row, featureAt, features, values, 0);
            if (labelAt < 0) {
                Columns.read(row, targetAt, targets, values, featureAt.length);
            } else {
                values[featureAt.length + classOf(row.get(labelAt), row)] = 1;
            }
            return new Tuple2<>(indexed._2(), values);
        }

        private int classOf(Object value, Row row) {
            int k = classes.isEmpty() && value instanceof Number number && number.doubleValue() == number.intValue()
                    ? number.intValue() : classes.indexOf(String.valueOf(value));
            if (k < 0 || k >= outputs) {
                throw new IllegalArgumentException("nn-spark: label column \"" + label + "\" holds " + value
                        + " in row " + row + "; the model's classes are "
                        + (classes.isEmpty() ? "0 to " + (outputs - 1) : classes));
            }
            return k;
        }
    }
}
