package org.nn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.TaskContext;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;
import org.nn4j.api.Matrix;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingException;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TypeRegistry;

/**
 * A lost task is recomputed exactly: on {@code local[2,3]} (two threads, up to three attempts per task) the task of
 * partition 1 fails on its first attempt in every step, as if its executor were lost mid-epoch, and Spark's retry
 * gives the weights of an undisturbed run, bit for bit. A task that fails on every attempt stops training with a
 * {@link TrainingException} naming the plug-in.
 */
class FaultTest {

    private static final Matrix[] TRAIN = LocalSpark.flowers(96, 3);

    /** tanh, except in the first attempt of partition 1's task on a Spark executor, where it throws. */
    public static final class FlakyTanh implements Activation {
        @Override
        public double apply(double x) {
            TaskContext task = TaskContext.get();
            if (task != null && task.partitionId() == 1 && task.attemptNumber() == 0) {
                throw new IllegalStateException("simulated loss of the executor running partition 1");
            }
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            return 1 - y * y;
        }
    }

    /** tanh that fails on partition 1 however often Spark retries it. */
    public static final class BrokenTanh implements Activation {
        @Override
        public double apply(double x) {
            TaskContext task = TaskContext.get();
            if (task != null && task.partitionId() == 1) {
                throw new IllegalStateException("partition 1 always fails");
            }
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x, double y) {
            return 1 - y * y;
        }
    }

    /** The format the executors read the model with: it knows the two test activations. */
    private static final FormatSource FORMAT = () -> ModelFormat.of(TypeRegistry.builder()
            .activation("flaky-tanh", FlakyTanh.class, FlakyTanh::new)
            .activation("broken-tanh", BrokenTanh.class, BrokenTanh::new).build());

    private static Sequential model(Activation activation) {
        return Sequential.builder().input(4).dense(6).activation(activation).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Momentum(0.05, 0.9, false)).seed(7)
                .names(ModelNames.of(LocalSpark.FEATURES, LocalSpark.SPECIES)).build();
    }

    @Test
    void aRetriedTaskGivesTheSameWeights() {
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(24).shards(2).build();
        Sequential oneMachine = model(new FlakyTanh());
        oneMachine.fit(TRAIN[0], TRAIN[1], config);
        Sequential onSpark = model(new FlakyTanh());
        DataParallelTrainer.on(LocalSpark.on("local[2,3]")).format(FORMAT).partitions(2)
                .fit(onSpark, TRAIN[0], TRAIN[1], config);
        SameNumbersTest.assertSameWeights(oneMachine, onSpark);
    }

    @Test
    void aTaskThatAlwaysFailsStopsTrainingNamingThePlugIn() {
        Sequential onSpark = model(new BrokenTanh());
        Matrix before = onSpark.parameters().get("layers[0].weights").value().copy();
        TrainingException e = assertThrows(TrainingException.class, () -> DataParallelTrainer
                .on(LocalSpark.on("local[2,3]")).format(FORMAT).partitions(2)
                .fit(onSpark, TRAIN[0], TRAIN[1], TrainingConfig.builder().epochs(1).batchSize(24).shards(2).build()));
        assertTrue(e.component().contains("BrokenTanh") && e.component().endsWith(".forward (on a Spark executor)"),
                e.getMessage());
        assertEquals(0, e.epoch());
        assertEquals(0, e.batch());
        assertEquals(before, onSpark.parameters().get("layers[0].weights").value(), "no update was applied");
    }
}
