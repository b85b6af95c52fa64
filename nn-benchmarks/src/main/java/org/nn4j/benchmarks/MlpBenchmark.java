package org.nn4j.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 784-128-10 sigmoid MLP (mean squared error, SGD): one training step on a batch of 64 (measured over 20-step
 * {@code fit} calls on one batch, each from the same initial weights), and one shuffled epoch of 60,000 synthetic samples in batches of 64. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} of {@code step} is the bytes allocated per training step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MlpBenchmark {

    private static final int STEPS = 20;

    private Sequential model;
    private Map<String, Matrix> initial;
    private Matrix batchInputs;
    private Matrix batchTargets;
    private Matrix epochInputs;
    private Matrix epochTargets;
    private TrainingConfig steps;
    private TrainingConfig epoch;

    /** Created by JMH. */
    public MlpBenchmark() {
    }

    /**
     * @param kernel the kernel for this JVM (set first)
     */
    @Setup
    public void setUp(KernelParameters kernel) {
        model = Workloads.mlp();
        initial = Workloads.snapshot(model);
        batchInputs = Workloads.mlpInputs(Workloads.BATCH, 2);
        batchTargets = Workloads.mlpTargets(Workloads.BATCH, 3);
        epochInputs = Workloads.mlpInputs(Workloads.EPOCH_SAMPLES, 4);
        epochTargets = Workloads.mlpTargets(Workloads.EPOCH_SAMPLES, 5);
        steps = Workloads.steps(STEPS);
        epoch = Workloads.epoch();
    }

    /** @return the history, so the work is not optimised away */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainingHistory step() {
        Workloads.restore(model, initial);
        return model.fit(batchInputs, batchTargets, steps);
    }

    /** @return the history, so the work is not optimised away */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public TrainingHistory epoch() {
        Workloads.restore(model, initial);
        return model.fit(epochInputs, epochTargets, epoch);
    }
}
