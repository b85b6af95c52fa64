package org.nn4j.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
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
 * The blog's XOR network: the time of one full-batch epoch (forward, loss, backward, SGD update), measured over
 * 1000-epoch {@code fit} calls without listeners from the blog's initial weights (the blog's run), as the blog's
 * {@code train} loop without its printing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class XorBenchmark {

    private Sequential model;
    private Map<String, Matrix> initial;
    private Matrix inputs;
    private Matrix targets;

    /** Created by JMH. */
    public XorBenchmark() {
    }

    /**
     * @param kernel the kernel for this JVM (set first)
     */
    @Setup
    public void setUp(KernelParameters kernel) {
        model = Workloads.xorNetwork();
        initial = Workloads.snapshot(model);
        inputs = Workloads.xorInputs();
        targets = Workloads.xorTargets();
    }

    /** @return the history, so the work is not optimised away */
    @Benchmark
    @OperationsPerInvocation(1000)
    public TrainingHistory epoch() {
        Workloads.restore(model, initial);
        return model.fit(inputs, targets, 1000);
    }
}
