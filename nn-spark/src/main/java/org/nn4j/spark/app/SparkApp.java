package org.nn4j.spark.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The application {@code spark-submit} runs:
 * <pre>
 *   spark-submit --master 'local[*]' nn-spark/target/nn-spark-app.jar score --model flowers.json \
 *       --data flowers.csv --output scored
 *   spark-submit --master 'local[*]' nn-spark/target/nn-spark-app.jar train --model start.json \
 *       --data flowers.csv --label species --epochs 20 --shards 4 --checkpoint-dir ckpt --save trained.json
 * </pre>
 * The master comes from {@code spark-submit} (or {@code -Dspark.master=...} when run with {@code java}). Bad input
 * prints one line and exits with status 2.
 */
@Command(name = "nn-spark", mixinStandardHelpOptions = true,
        description = "Scores and trains nn4j models on Apache Spark.",
        subcommands = {SparkScoreCommand.class, SparkTrainCommand.class, CommandLine.HelpCommand.class})
public final class SparkApp implements Callable<Integer> {

    /** Created by picocli. */
    public SparkApp() {
    }

    /**
     * Runs a command and exits with its status.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command without exiting.
     *
     * @param args the command and its options
     * @return 0 on success, 2 for a usage error or bad input, 1 for anything else
     */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new SparkApp());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                cmd.getErr().println("nn-spark " + cmd.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** @return the session spark-submit configured (its master), with a name */
    static SparkSession session(String name) {
        return SparkSession.builder().appName(name).getOrCreate();
    }

    /** Reads a CSV file (a header line; numbers inferred) or a Parquet file or directory, by its name. */
    static Dataset<Row> read(SparkSession spark, Path data) {
        String name = data.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return spark.read().parquet(data.toString());
        }
        if (name.endsWith(".csv")) {
            return spark.read().option("header", true).option("inferSchema", true).csv(data.toString());
        }
        throw new IllegalArgumentException("--data " + data + ": name a .csv or .parquet file or directory");
    }
}
