package org.nn4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One matrix product ({@code times}, {@code transposeTimes} or {@code timesTranspose}) on the MLP's five shapes
 * and on 64, 256 and 1024 squares (see {@link Workloads#PRODUCTS}). GFLOP/s = {@code 2·n·k·m / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ProductBenchmark {

    /** A name from {@link Workloads#PRODUCTS}. */
    @Param({"mlp-forward1", "mlp-forward2", "mlp-grad-w2", "mlp-grad-a1", "mlp-grad-w1", "square-64", "square-256",
            "square-1024"})
    public String shape;

    private Workloads.ProductCase product;

    /** Created by JMH. */
    public ProductBenchmark() {
    }

    /**
     * @param kernel the kernel for this JVM (set first)
     */
    @Setup
    public void setUp(KernelParameters kernel) {
        product = Workloads.product(shape);
    }

    /** @return the product, so the work is not optimised away */
    @Benchmark
    public Object multiply() {
        return product.multiply();
    }
}
