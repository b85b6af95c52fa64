package org.nn4j.spark.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;
import org.nn4j.spark.SparkPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores a CSV or Parquet file with a saved model and writes the rows with the model's answers (the columns the
 * {@code predict} command writes: {@code p_<class>} and {@code predicted}) as the same format into a directory,
 * one file per partition, as Spark writes.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scores a CSV or Parquet file with a saved model.")
public final class SparkScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A model saved as JSON (by nn4j train --save).")
    private Path model;

    @Option(names = "--data", required = true, description = "A .csv file (header line) or .parquet file/directory.")
    private Path data;

    @Option(names = "--output", required = true, description = "The directory to write the scored rows into.")
    private Path output;

    @Option(names = "--batch-size", defaultValue = "1024", description = "Rows predicted at once (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    /** Created by picocli. */
    public SparkScoreCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Sequential network = ModelFormat.standard().load(model);
        SparkSession spark = SparkApp.session("nn4j score " + data.getFileName());
        Dataset<Row> scored = SparkPredictor.of(network).batchSize(batchSize).transform(SparkApp.read(spark, data));
        if (data.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
            scored.write().parquet(output.toString());
        } else {
            scored.write().option("header", true).csv(output.toString());
        }
        return 0;
    }
}
