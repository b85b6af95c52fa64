package org.nn4j.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;

/**
 * The nn4j half of {@code nn-benchmarks/compare.sh}: times the {@link Workloads} in this JVM and prints one line per
 * workload, {@code name<TAB>value<TAB>unit}, in the same format as {@code numpy/workloads.py}. Each value is the
 * median of several timed runs after a warm-up; the kernel and thread count come from the {@code nn4j.kernel} and
 * {@code nn4j.threads} properties, as for any nn4j program.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Dnn4j.threads=1 -cp nn-benchmarks/target/nn-benchmarks.jar \
 *        org.nn4j.benchmarks.Compare xor-epoch mlp-step square-256
 * </pre>
 * Workloads: {@code xor-epoch} (µs per epoch), {@code mlp-step} and {@code mlp-epoch} (training samples per second),
 * and the product names of {@link Workloads#PRODUCTS} (GFLOP/s).
 */
public final class Compare {

    private static final int SAMPLES = 7;
    private static final double SAMPLE_SECONDS = 0.25;
    private static final double WARMUP_SECONDS = 4.0;

    private Compare() {
    }

    /**
     * @param args workload names; none means all
     */
    public static void main(String[] args) {
        System.err.println("# nn4j products: " + Matrix.productKernel());
        String[] names = args.length > 0 ? args : all();
        for (String name : names) {
            System.out.println(run(name));
        }
    }

    private static String[] all() {
        String[] names = new String[Workloads.PRODUCTS.length + 3];
        names[0] = "xor-epoch";
        names[1] = "mlp-step";
        names[2] = "mlp-epoch";
        for (int i = 0; i < Workloads.PRODUCTS.length; i++) {
            names[i + 3] = Workloads.PRODUCTS[i].split(" ")[0];
        }
        return names;
    }

    private static String run(String name) {
        switch (name) {
            case "xor-epoch": {
                Sequential model = Workloads.xorNetwork();
                Matrix x = Workloads.xorInputs();
                Matrix y = Workloads.xorTargets();
                double seconds = median(() -> model.fit(x, y, 1000), 1000);
                return line(name, seconds * 1e6, "us/epoch");
            }
            case "mlp-step": {
                Sequential model = Workloads.mlp();
                Matrix x = Workloads.mlpInputs(Workloads.BATCH, 2);
                Matrix y = Workloads.mlpTargets(Workloads.BATCH, 3);
                double seconds = median(() -> model.fit(x, y, Workloads.steps(20)), 20);
                return line(name, Workloads.BATCH / seconds, "samples/s");
            }
            case "mlp-epoch": {
                Sequential model = Workloads.mlp();
                Matrix x = Workloads.mlpInputs(Workloads.EPOCH_SAMPLES, 2);
                Matrix y = Workloads.mlpTargets(Workloads.EPOCH_SAMPLES, 3);
                double[] times = new double[3];
                model.fit(x, y, Workloads.epoch());
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    model.fit(x, y, Workloads.epoch());
                    times[i] = (System.nanoTime() - start) * 1e-9;
                }
                Arrays.sort(times);
                return line(name, Workloads.EPOCH_SAMPLES / times[1], "samples/s");
            }
            default: {
                Workloads.ProductCase product = Workloads.product(name);
                double seconds = median(product::multiply, 1);
                return line(name, product.flops() / seconds * 1e-9, "GFLOP/s");
            }
        }
    }

    /** Median seconds per operation, where one call of {@code work} does {@code operations} operations. */
    private static double median(Runnable work, int operations) {
        long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        int calls = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < warmupEnd) {
            work.run();
            calls++;
        }
        double perCall = (System.nanoTime() - start) * 1e-9 / calls;
        int callsPerSample = (int) Math.max(1, SAMPLE_SECONDS / perCall);
        double[] samples = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < callsPerSample; c++) {
                work.run();
            }
            samples[s] = (System.nanoTime() - t0) * 1e-9 / callsPerSample / operations;
        }
        Arrays.sort(samples);
        return samples[SAMPLES / 2];
    }

    private static String line(String name, double value, String unit) {
        return String.format(Locale.ROOT, "%s\t%.6g\t%s", name, value, unit);
    }
}
