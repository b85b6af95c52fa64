package org.nn4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.init.Uniform;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.engine.Engine;

/**
 * The benchmarked work, defined once for the JMH benchmarks and for {@link Compare}; {@code numpy/workloads.py}
 * does the same work in numpy.
 * <pre>
 *   xor        the blog's 2-4-1 sigmoid network, full batch of 4, mean squared error, SGD 0.2 (the blog's 0.1)
 *   mlp        784-128-10 sigmoid MLP, mean squared error, SGD 0.1, batches of 64, weights Uniform(−0.05, 0.05),
 *              synthetic inputs Uniform[0, 1) and one-hot targets (a stand-in for MNIST)
 *   products   A·B on the MLP's five shapes (forward, both weight gradients, the hidden layer's input gradient)
 *              and on 64, 256 and 1024 squares
 * </pre>
 */
public final class Workloads {

    /** Samples in one synthetic epoch, MNIST's training-set size. */
    public static final int EPOCH_SAMPLES = 60_000;
    /** The MLP's batch size. */
    public static final int BATCH = 64;

    /**
     * The product shapes, {@code name: form n k m} where the form is {@code ab} ({@code A·B}), {@code atb}
     * ({@code Aᵀ·B}) or {@code abt} ({@code A·Bᵀ}) and the result is {@code n×m}, a new matrix each time, as
     * numpy's {@code dot} returns a new array. {@code abt-into} is {@code A·Bᵀ} written by the engine into one
     * result array reused from call to call ({@link Engine#multiplyTranspose}) against numpy's
     * {@code np.matmul(a, b.T, out=c)}: both sides then skip allocating the 64 KB result, which on the JVM means
     * fresh, uncached memory every call (numpy's allocator hands back the block it just freed).
     */
    public static final String[] PRODUCTS = {
        "mlp-forward1 ab 64 784 128",      // X·W1
        "mlp-forward2 ab 64 128 10",       // a1·W2
        "mlp-grad-w2 atb 128 64 10",       // a1ᵀ·δ2
        "mlp-grad-a1 abt 64 10 128",       // δ2·W2ᵀ
        "mlp-grad-a1-into abt-into 64 10 128", // δ2·W2ᵀ into a reused result
        "mlp-grad-w1 atb 784 64 128",      // Xᵀ·δ1
        "mlp-grad-x abt 64 128 784",       // δ1·W1ᵀ, the first layer's input gradient
        "square-64 ab 64 64 64",
        "square-256 ab 256 256 256",
        "square-1024 ab 1024 1024 1024",
    };

    private Workloads() {
    }

    /**
     * Fixes the product kernel and thread count for this JVM. Must run before the first matrix product (the choice
     * is made once); fails if it came too late.
     *
     * @param kernel {@code vector} or {@code scalar}
     * @param threads threads per product
     * @throws IllegalStateException if products were already configured differently
     */
    public static void useKernel(String kernel, int threads) {
        System.setProperty("nn4j.kernel", kernel);
        System.setProperty("nn4j.threads", Integer.toString(threads));
        String actual = Matrix.productKernel();
        if (!actual.startsWith(kernel) || !actual.contains("up to " + threads + " thread")) {
            throw new IllegalStateException("wanted " + kernel + " with " + threads + " threads, got " + actual);
        }
    }

    /**
     * A copy of every parameter value, for {@link #restore}.
     *
     * @param model a model
     * @return its parameter values by path
     */
    public static Map<String, Matrix> snapshot(Sequential model) {
        Map<String, Matrix> values = new LinkedHashMap<>();
        model.parameters().forEach((path, p) -> values.put(path, p.value().copy()));
        return values;
    }

    /**
     * Puts the parameters back to a snapshot. Every timed run starts from the same weights: trained on for millions
     * of epochs, the XOR network saturates and its gradients become subnormal numbers, whose arithmetic is many
     * times slower on x86; that would measure the CPU's denormal handling, not the framework.
     *
     * @param model the model
     * @param values what {@link #snapshot} returned for it
     */
    public static void restore(Sequential model, Map<String, Matrix> values) {
        values.forEach((path, v) -> model.parameters().get(path).value().copyFromInPlace(v));
    }

    /** @return the blog's network, seed 42 */
    public static Sequential xorNetwork() {
        return BlogNetwork.create();
    }

    /** @return the four XOR inputs */
    public static Matrix xorInputs() {
        return Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    }

    /** @return the four XOR targets */
    public static Matrix xorTargets() {
        return Matrix.columnVector(0, 1, 1, 0);
    }

    /** @return the 784-128-10 MLP, seed 1 */
    public static Sequential mlp() {
        return Sequential.builder()
                .input(784)
                .dense(128).activation(new Sigmoid())
                .dense(10).activation(new Sigmoid())
                .loss(new MeanSquaredError())
                .optimizer(new Sgd(0.1))
                .weightInitializer(new Uniform(-0.05, 0.05))
                .biasInitializer(new Uniform(-0.05, 0.05))
                .seed(1)
                .build();
    }

    /**
     * @param samples rows
     * @param seed the seed
     * @return synthetic MLP inputs, {@code samples×784}, uniform in [0, 1)
     */
    public static Matrix mlpInputs(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = Matrix.zeros(samples, 784);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, random.nextDouble());
        }
        return x;
    }

    /**
     * @param samples rows
     * @param seed the seed
     * @return one-hot targets, {@code samples×10}
     */
    public static Matrix mlpTargets(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix y = Matrix.zeros(samples, 10);
        for (int r = 0; r < samples; r++) {
            y.set(r, random.nextInt(10), 1.0);
        }
        return y;
    }

    /**
     * @param steps training steps (batches) per call
     * @return training for {@code steps} full-batch epochs on one batch of 64: {@code steps} training steps
     */
    public static TrainingConfig steps(int steps) {
        return TrainingConfig.builder().epochs(steps).batchSize(0).build();
    }

    /** @return one shuffled epoch in batches of 64 */
    public static TrainingConfig epoch() {
        return TrainingConfig.builder().epochs(1).batchSize(BATCH).shuffle(true).build();
    }

    /**
     * Operands of one product workload, ready to multiply.
     *
     * @param name the workload's name, such as {@code mlp-forward1}
     * @param form {@code ab}, {@code atb}, {@code abt} or {@code abt-into}
     * @param a the left operand as stored ({@code k×n} for {@code atb})
     * @param b the right operand as stored ({@code m×k} for {@code abt} and {@code abt-into})
     * @param into the arrays of {@code abt-into}; null for the other forms
     * @param flops floating-point operations of one product, {@code 2·n·k·m}
     */
    public record ProductCase(String name, String form, Matrix a, Matrix b, Into into, long flops) {

        /** @return the product in its form: a new matrix, or the reused result array of {@code abt-into} */
        public Object multiply() {
            return switch (form) {
                case "ab" -> a.times(b);
                case "atb" -> a.transposeTimes(b);
                case "abt" -> a.timesTranspose(b);
                case "abt-into" -> into.multiply();
                default -> throw new IllegalStateException("unknown form " + form);
            };
        }
    }

    /**
     * {@code c = a·bᵀ} on row-major arrays through {@link Engine#chosen()}, {@code c} reused from call to call.
     *
     * @param a the {@code n×k} left operand
     * @param b the {@code m×k} right operand
     * @param c the {@code n×m} result
     * @param n rows of {@code a} and {@code c}
     * @param k columns of {@code a} and {@code b}
     * @param m rows of {@code b}, columns of {@code c}
     */
    public record Into(double[] a, double[] b, double[] c, int n, int k, int m) {

        /** @return {@code c}, overwritten with {@code a·bᵀ} */
        public double[] multiply() {
            Engine.chosen().multiplyTranspose(a, b, c, n, k, m);
            return c;
        }
    }

    /**
     * @param spec one of {@link #PRODUCTS}, or just its name
     * @return its operands, filled with seeded uniform values
     */
    public static ProductCase product(String spec) {
        String line = spec;
        if (!spec.contains(" ")) {
            line = null;
            for (String candidate : PRODUCTS) {
                if (candidate.startsWith(spec + " ")) {
                    line = candidate;
                }
            }
            if (line == null) {
                throw new IllegalArgumentException("unknown product workload " + spec);
            }
        }
        String[] parts = line.trim().split("\\s+");
        String form = parts[1].toLowerCase(Locale.ROOT);
        int n = Integer.parseInt(parts[2]);
        int k = Integer.parseInt(parts[3]);
        int m = Integer.parseInt(parts[4]);
        SplittableRandom random = new SplittableRandom(7);
        Matrix a = form.equals("atb") ? fill(k, n, random) : fill(n, k, random);
        Matrix b = form.startsWith("abt") ? fill(m, k, random) : fill(k, m, random);
        Into into = form.equals("abt-into")
                ? new Into(a.toRowMajorArray(), b.toRowMajorArray(), new double[n * m], n, k, m) : null;
        return new ProductCase(parts[0], form, a, b, into, 2L * n * k * m);
    }

    private static Matrix fill(int rows, int cols, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.nextDouble(-1, 1));
        }
        return m;
    }
}
