package org.nn4j.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nn4j.api.Matrix;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
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
 * One training step of the Keras "simple MNIST convnet" on a batch of 128 random 28×28 grey images: Conv2D(32, 3×3,
 * relu, valid) → MaxPool(2×2) → Conv2D(64, 3×3, relu, valid) → MaxPool(2×2) → Flatten → Dropout(0.5) → Dense(10),
 * softmax cross-entropy, Adam(0.001). Measured over 5-step {@code fit} calls on one batch, each from the same
 * initial weights; {@code nn-benchmarks/pytorch/convnet_step.py} times the same step in PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ConvnetBenchmark {

    /** The batch of the Keras example. */
    public static final int BATCH = 128;
    private static final int STEPS = 5;

    private Sequential model;
    private Map<String, Matrix> initial;
    private Matrix images;
    private Matrix labels;
    private TrainingConfig steps;

    /** Created by JMH. */
    public ConvnetBenchmark() {
    }

    /**
     * The Keras convnet with Glorot-uniform weights and zero biases, as Keras starts it.
     *
     * @return the model
     */
    public static Sequential convnet() {
        return Sequential.builder().input(1, 28, 28)
                .conv2d(32, 3).activation(new Relu())
                .maxPool2d(2)
                .conv2d(64, 3).activation(new Relu())
                .maxPool2d(2)
                .flatten()
                .dropout(0.5)
                .dense(10)
                .weightInitializer(new GlorotUniform()).biasInitializer(new Zeros())
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.001)).seed(1).build();
    }

    /**
     * @param samples rows
     * @param seed the generator's seed
     * @return pixels uniform in [0, 1), one 28×28 image per row
     */
    public static Matrix images(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(samples, 28 * 28);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, random.nextDouble());
        }
        return x;
    }

    /**
     * @param samples rows
     * @param seed the generator's seed
     * @return one-hot rows of 10 random classes
     */
    public static Matrix labels(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix y = Matrix.zeros(samples, 10);
        for (int r = 0; r < samples; r++) {
            y.set(r, random.nextInt(10), 1);
        }
        return y;
    }

    /**
     * @param kernel the kernel for this JVM (set first)
     */
    @Setup
    public void setUp(KernelParameters kernel) {
        model = convnet();
        initial = Workloads.snapshot(model);
        images = images(BATCH, 2);
        labels = labels(BATCH, 3);
        steps = Workloads.steps(STEPS);
    }

    /** @return the history, so the work is not optimised away */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainingHistory step() {
        Workloads.restore(model, initial);
        return model.fit(images, labels, steps);
    }
}
