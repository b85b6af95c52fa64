package org.nn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;

/**
 * Scoring a DataFrame gives, row for row and bit for bit, what {@code predict} gives on one machine, with the
 * model's class names; CSV and Parquet sources alike; bad columns are refused by name.
 */
class SparkPredictorTest {

    private static final Matrix[] DATA = LocalSpark.flowers(300, 5);

    private static Sequential trained() {
        Sequential model = LocalSpark.classifier();
        model.fit(DATA[0], DATA[1], TrainingConfig.builder().epochs(20).batchSize(32).build());
        return model;
    }

    /** Writes the flowers as CSV with the species by name, columns in another order than the model's. */
    private static Path csv(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("petal_width,species,sepal_length,sepal_width,petal_length\n");
        for (int r = 0; r < DATA[0].rows(); r++) {
            text.append(DATA[0].get(r, 3)).append(',').append(LocalSpark.SPECIES.get(Accuracy.classOf(DATA[1], r)))
                    .append(',').append(DATA[0].get(r, 0)).append(',').append(DATA[0].get(r, 1)).append(',')
                    .append(DATA[0].get(r, 2)).append('\n');
        }
        Path file = dir.resolve("flowers.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void scoresCsvAndParquetAsPredictDoes(@TempDir Path dir) throws IOException {
        Sequential model = trained();
        SparkSession spark = LocalSpark.on("local[2]");
        Dataset<Row> flowers = spark.read().option("header", true).option("inferSchema", true)
                .csv(csv(dir).toString()).repartition(3);
        spark.createDataFrame(flowers.collectAsList(), flowers.schema()).write().parquet(dir.resolve("p").toString());
        Matrix expected = Softmax.probabilities(model.predict(DATA[0]));
        for (Dataset<Row> source : List.of(flowers, spark.read().parquet(dir.resolve("p").toString()))) {
            Dataset<Row> scored = SparkPredictor.of(model).batchSize(7).transform(source);
            assertEquals(List.of("petal_width", "species", "sepal_length", "sepal_width", "petal_length", "p_setosa",
                    "p_versicolor", "p_virginica", "predicted"), Arrays.asList(scored.columns()));
            List<Row> rows = scored.collectAsList();
            assertEquals(300, rows.size());
            int right = 0;
            for (Row row : rows) {
                int r = find(row.getDouble(2), row.getDouble(3));
                for (int k = 0; k < 3; k++) {
                    assertEquals(expected.get(r, k), row.getDouble(5 + k), "row " + r + ", class " + k);
                }
                assertEquals(LocalSpark.SPECIES.get(Accuracy.classOf(expected, r)), row.getString(8));
                right += row.getString(8).equals(row.getString(1)) ? 1 : 0;
            }
            assertTrue(right > 270, right + " of 300 right");
        }
    }

    @Test
    void refusesMissingColumnsAndTakenNames(@TempDir Path dir) throws IOException {
        Sequential model = trained();
        SparkSession spark = LocalSpark.on("local[2]");
        Dataset<Row> flowers = spark.read().option("header", true).option("inferSchema", true)
                .csv(csv(dir).toString());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SparkPredictor.of(model).transform(flowers.drop("sepal_width")));
        assertTrue(missing.getMessage().startsWith("nn-spark: the data has no feature column \"sepal_width\""),
                missing.getMessage());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> SparkPredictor.of(model).transform(flowers.withColumnRenamed("species", "predicted")));
        assertTrue(taken.getMessage().contains("already has a column \"predicted\""), taken.getMessage());
    }

    @Test
    void trainsFromADataFrameByColumnNamesAsFitDoesOnTheMatrices(@TempDir Path dir) throws IOException {
        Dataset<Row> flowers = LocalSpark.on("local[2]").read().option("header", true).option("inferSchema", true)
                .csv(csv(dir).toString());
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(32).shards(2).build();
        Sequential onSpark = LocalSpark.classifier();
        DataParallelTrainer.on(LocalSpark.on("local[2]")).label("species").fit(onSpark, flowers, config);
        Sequential oneMachine = LocalSpark.classifier();
        oneMachine.fit(DATA[0], DATA[1], config);
        SameNumbersTest.assertSameWeights(oneMachine, onSpark);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DataParallelTrainer
                .on(LocalSpark.on("local[2]")).label("species").fit(LocalSpark.classifier(),
                        flowers.withColumn("species", org.apache.spark.sql.functions.lit("rose")), config));
        assertTrue(unknown.getMessage().contains("label column \"species\" holds rose"), unknown.getMessage());
    }

    private static int find(double sepalLength, double sepalWidth) {
        for (int r = 0; r < DATA[0].rows(); r++) {
            if (DATA[0].get(r, 0) == sepalLength && DATA[0].get(r, 1) == sepalWidth) {
                return r;
            }
        }
        throw new AssertionError("no flower " + sepalLength + ", " + sepalWidth);
    }
}
