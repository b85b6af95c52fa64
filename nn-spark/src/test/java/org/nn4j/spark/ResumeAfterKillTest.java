package org.nn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.checkpoint.CheckpointListener;
import org.nn4j.io.checkpoint.Checkpoints;

/**
 * A data-parallel run whose driver is killed resumes exactly: a separate driver JVM trains on {@code local[2]}
 * with a checkpoint after every epoch and is killed ({@code SIGKILL}) after its second checkpoint; training
 * resumed from the newest checkpoint ends with the weights of a run that was never interrupted, bit for bit.
 */
class ResumeAfterKillTest {

    static final int EPOCHS = 5;
    static final Matrix[] TRAIN = LocalSpark.flowers(120, 4);

    static TrainingConfig.Builder config() {
        return TrainingConfig.builder().epochs(EPOCHS).batchSize(16).shards(4);
    }

    /** The driver that gets killed: trains with checkpoints in {@code args[0]}, slowing down after epoch 2. */
    public static void main(String[] args) {
        Sequential model = LocalSpark.classifier();
        TrainingListener slow = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                if (event.epoch() >= 1) {
                    sleep(Duration.ofMinutes(5));
                }
            }
        };
        DataParallelTrainer.on(LocalSpark.on("local[2]")).partitions(2).fit(model, TRAIN[0], TRAIN[1],
                config().listener(CheckpointListener.of(model, Path.of(args[0]))).listener(slow).build());
    }

    @Test
    void aKilledDriverResumesFromItsCheckpointExactly(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Process driver = startDriver(checkpoints, dir.resolve("driver.log"));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            while (!Files.exists(checkpoints.resolve(Checkpoints.fileName(2))) && driver.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(driver.isAlive(), "the driver ended before its second checkpoint: "
                    + Files.readString(dir.resolve("driver.log")));
            assertTrue(Files.exists(checkpoints.resolve(Checkpoints.fileName(2))), "no second checkpoint in time");
        } finally {
            driver.destroyForcibly().waitFor();
        }
        Path newest = Checkpoints.newest(checkpoints).orElseThrow();
        assertEquals(2, Checkpoints.epochOf(newest));

        Checkpoint checkpoint = ModelFormat.standard().loadCheckpoint(newest);
        Sequential resumed = checkpoint.model();
        DataParallelTrainer.on(LocalSpark.on("local[2]")).partitions(2).fit(resumed, TRAIN[0], TRAIN[1],
                config().initialEpoch(Checkpoints.epochsCompleted(checkpoint)).build());

        Sequential uninterrupted = LocalSpark.classifier();
        uninterrupted.fit(TRAIN[0], TRAIN[1], config().build());
        SameNumbersTest.assertSameWeights(uninterrupted, resumed);
    }

    private static Process startDriver(Path checkpoints, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("nn4j.spark.jvmOptions", "").trim().split("\\s+")));
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ResumeAfterKillTest.class.getName(), checkpoints.toString()));
        command.removeIf(String::isEmpty);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
