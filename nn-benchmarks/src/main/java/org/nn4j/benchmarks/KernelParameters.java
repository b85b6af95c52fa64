package org.nn4j.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel and thread count every benchmark runs with: JMH runs each combination in its own JVM (each
 * benchmark's {@code @Fork} adds {@code --add-modules jdk.incubator.vector}), and this state fixes the choice before
 * the first matrix product of that JVM. Select with {@code -p kernel=scalar -p threads=1}.
 */
@State(Scope.Benchmark)
public class KernelParameters {

    /** {@code vector} or {@code scalar}. */
    @Param({"vector", "scalar"})
    public String kernel;

    /** Threads per large product. */
    @Param({"1", "2"})
    public int threads;

    /** Created by JMH. */
    public KernelParameters() {
    }

    /** Fixes the kernel for this JVM, and fails if products were already configured otherwise. */
    @Setup
    public void useKernel() {
        Workloads.useKernel(kernel, threads);
    }
}
