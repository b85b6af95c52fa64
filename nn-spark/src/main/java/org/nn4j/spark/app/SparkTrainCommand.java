package org.nn4j.spark.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.training.LossLogger;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.checkpoint.CheckpointListener;
import org.nn4j.io.checkpoint.Checkpoints;
import org.nn4j.spark.DataParallelTrainer;
import org.nn4j.spark.GradientOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains a saved model (its layers, loss, optimizer, names and generator: for example one written by
 * {@code nn4j train --epochs 1 --save start.json} on a small sample) data-parallel on a CSV or Parquet file, with
 * checkpoints and {@code --resume} as {@code nn4j train} has them.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a saved model data-parallel on a CSV or Parquet file.")
public final class SparkTrainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "The model to start from, saved as JSON.")
    private Path model;

    @Option(names = "--data", required = true, description = "A .csv file (header line) or .parquet file/directory.")
    private Path data;

    @Option(names = "--label", required = true, description = "The class column; its values are the model's class names.")
    private String label;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs in all (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Rows per step; 0 for full batch (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--shards", defaultValue = "4", description = "Shards each batch's gradient is cut into; at least the partitions (default: ${DEFAULT-VALUE}).")
    private int shards;

    @Option(names = "--order", defaultValue = "FIXED", description = "FIXED (bit-reproducible) or ARRIVAL (default: ${DEFAULT-VALUE}).")
    private GradientOrder order;

    @Option(names = "--checkpoint-dir", description = "Write a checkpoint after every epoch into DIR, keeping 3.")
    private Path checkpoints;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in --checkpoint-dir.")
    private boolean resume;

    @Option(names = "--save", description = "Save the trained model as JSON.")
    private Path save;

    /** Created by picocli. */
    public SparkTrainCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (resume && checkpoints == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint-dir");
        }
        Optional<Path> newest = resume ? Checkpoints.newest(checkpoints) : Optional.empty();
        Checkpoint start = ModelFormat.standard().loadCheckpoint(newest.orElse(model));
        Sequential network = start.model();
        int initialEpoch = newest.isPresent() ? Checkpoints.epochsCompleted(start) : 0;
        TrainingConfig.Builder config = TrainingConfig.builder().epochs(epochs).batchSize(batchSize).shards(shards)
                .initialEpoch(initialEpoch).metric(new Accuracy()).listener(new LossLogger(1));
        if (checkpoints != null) {
            config.listener(CheckpointListener.of(network, checkpoints));
        }
        TrainingHistory history = DataParallelTrainer.on(SparkApp.session("nn4j train " + data.getFileName()))
                .order(order).label(label)
                .fit(network, SparkApp.read(SparkApp.session("nn4j train"), data), config.build());
        System.out.printf("trained %d epochs: loss %.6f, accuracy %.4f%n", history.epochs(), history.finalLoss(),
                history.finalMetric("accuracy"));
        if (save != null) {
            ModelFormat.standard().save(network, save);
        }
        return 0;
    }
}
