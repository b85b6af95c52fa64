package org.nn4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;

/**
 * Scores a Spark {@code DataFrame} with a trained model: every row keeps its columns and gains the model's answer.
 * <pre>
 *   Dataset&lt;Row&gt; scored = SparkPredictor.of(model).transform(spark.read().option("header", true)
 *           .option("inferSchema", true).csv("flowers.csv"));
 *   // flowers.csv's columns, then p_setosa, p_versicolor, p_virginica, predicted
 * </pre>
 *
 * <p><b>Columns.</b> The model's inputs are taken from the columns named by its feature names (saved with it, see
 * {@code ModelNames}), in any order, or from the columns given to {@link #features}; each must hold numbers. The
 * added columns are named as the {@code predict} command names them: {@code output} for a model with one output;
 * otherwise one column per output, {@code p_<class>} (or {@code output_<k>} without class names), and
 * {@code predicted}, the class with the highest output, by name (or by index). A model trained on logits with
 * {@code SoftmaxCrossEntropy} gives probabilities, as {@code predict} does.
 *
 * <p><b>How it runs.</b> The model is sent to the executors once, as its JSON document, and read once per executor
 * thread; each partition predicts its rows in mini-batches of {@link #batchSize} rows through
 * {@link Sequential#predict}, so memory stays bounded however large the partition. Any source Spark reads (CSV,
 * Parquet, a table) works. Immutable; {@code transform} is lazy, as Spark's transformations are.
 */
public final class SparkPredictor {

    private final String json;
    private final FormatSource format;
    private final int outputs;
    private final List<String> classes;
    private final boolean logits;
    private final List<String> features;
    private final int batchSize;

    private SparkPredictor(String json, FormatSource format, int outputs, List<String> classes, boolean logits,
            List<String> features, int batchSize) {
        this.json = json;
        this.format = format;
        this.outputs = outputs;
        this.classes = classes;
        this.logits = logits;
        this.features = features;
        this.batchSize = batchSize;
    }

    /**
     * A predictor for a model that the standard format can save (every built-in).
     *
     * @param model the trained model; it is copied now, so later training does not change the predictor
     * @return the predictor, taking the model's named features in mini-batches of 1024 rows
     */
    public static SparkPredictor of(Sequential model) {
        return of(model, FormatSource.standard());
    }

    /**
     * A predictor for a model that holds plug-ins of the user's own.
     *
     * @param model the trained model; it is copied now
     * @param format gives executors a format whose registry knows the model's plug-ins
     * @return the predictor
     */
    public static SparkPredictor of(Sequential model, FormatSource format) {
        Objects.requireNonNull(model, "model");
        return new SparkPredictor(format.get().toJson(model), format, model.outputSize(), model.names().classes(),
                model.loss() instanceof SoftmaxCrossEntropy, model.names().features(), 1024);
    }

    /**
     * @param columns the columns holding the model's inputs, in input order; needed for a model without feature
     *     names
     * @return a predictor like this one reading those columns
     */
    public SparkPredictor features(List<String> columns) {
        return new SparkPredictor(json, format, outputs, classes, logits, List.copyOf(columns), batchSize);
    }

    /**
     * @param rows the rows predicted at once, at least 1 (default 1024): larger batches run the matrix products
     *     faster, smaller ones hold less memory
     * @return a predictor like this one with that batch size
     */
    public SparkPredictor batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("SparkPredictor.batchSize: must be at least 1, got " + rows);
        }
        return new SparkPredictor(json, format, outputs, classes, logits, features, rows);
    }

    /**
     * The data with the model's answer added to every row (lazily: Spark computes it when the result is used).
     *
     * @param data rows holding the model's feature columns
     * @return the data's columns, then the output columns and, for several outputs, {@code predicted}
     * @throws IllegalArgumentException if a feature column is missing, the model has no feature names and none
     *     were given, or an added column's name is taken
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("SparkPredictor: the model has no feature names; name its input"
                    + " columns with features(...)");
        }
        StructType schema = data.schema();
        int[] at = Columns.find(schema, features, "feature");
        List<String> added = Columns.outputNames(outputs, classes);
        if (outputs > 1) {
            added.add("predicted");
        }
        StructType result = schema;
        for (int k = 0; k < added.size(); k++) {
            if (Arrays.asList(result.fieldNames()).contains(added.get(k))) {
                throw new IllegalArgumentException("SparkPredictor: the data already has a column \"" + added.get(k)
                        + "\", which the predictions would add");
            }
            boolean label = k == outputs;
            result = result.add(added.get(k), label && classes.size() != outputs ? DataTypes.IntegerType
                    : label ? DataTypes.StringType : DataTypes.DoubleType, false);
        }
        Scorer scorer = new Scorer(UUID.randomUUID().toString(), json, format, at, features, outputs, classes, logits,
                batchSize);
        return data.mapPartitions(scorer, Encoders.row(result));
    }

    /** One partition's work: its rows in mini-batches through {@code predict}. */
    private record Scorer(String key, String json, FormatSource format, int[] at, List<String> features, int outputs,
            List<String> classes, boolean logits, int batchSize) implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private final List<Row> ready = new ArrayList<>();
                private int next;

                @Override
                public boolean hasNext() {
                    if (next == ready.size()) {
                        fill();
                    }
                    return next < ready.size();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return ready.get(next++);
                }

                private void fill() {
                    ready.clear();
                    next = 0;
                    List<Row> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    if (!batch.isEmpty()) {
                        ready.addAll(score(batch));
                    }
                }
            };
        }

        private List<Row> score(List<Row> batch) {
            double[] x = new double[batch.size() * at.length];
            for (int r = 0; r < batch.size(); r++) {
                Columns.read(batch.get(r), at, features, x, r * at.length);
            }
            Sequential model = WorkerModels.borrow(key, json, format);
            Matrix answers;
            try {
                answers = model.predict(Matrix.fromRowMajor(batch.size(), at.length, x));
            } finally {
                WorkerModels.giveBack(key, model);
            }
            if (logits) {
                answers = Softmax.probabilities(answers);
            }
            List<Row> out = new ArrayList<>(batch.size());
            for (int r = 0; r < batch.size(); r++) {
                Row row = batch.get(r);
                Object[] values = new Object[row.length() + outputs + (outputs > 1 ? 1 : 0)];
                for (int c = 0; c < row.length(); c++) {
                    values[c] = row.get(c);
                }
                for (int k = 0; k < outputs; k++) {
                    values[row.length() + k] = answers.get(r, k);
                }
                if (outputs > 1) {
                    int best = Accuracy.classOf(answers, r);
                    values[row.length() + outputs] = classes.size() == outputs ? classes.get(best) : best;
                }
                out.add(RowFactory.create(values));
            }
            return out;
        }
    }
}
