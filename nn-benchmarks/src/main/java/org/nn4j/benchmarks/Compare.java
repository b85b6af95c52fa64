package org.nn4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;

/**
 * The nn4j half of {@code nn-benchmarks/compare.sh}. {@code compare.py} starts it with {@code --serve} next to
 * {@code numpy/workloads.py --serve} and sends both the same commands, alternating between them, so each nn4j
 * sample is taken seconds apart from the numpy sample it is compared with (the machine is shared and noisy):
 * <pre>
 *   warmup NAME SECONDS     run the workload until SECONDS of wall time and 2 s of this thread's CPU time have
 *                           passed, then until it stops getting faster (the JIT compiles meanwhile); answers "ok"
 *   sample NAME SECONDS     run it for about SECONDS; answers the wall-clock seconds per operation and the
 *                           calling thread's CPU seconds per operation (the second is immune to other
 *                           processes taking the CPU away, but counts only this thread)
 *   quit
 * </pre>
 * An operation is one epoch for {@code xor-epoch}, one training sample for {@code mlp-step} (a batch of 64 is 64
 * operations) and {@code mlp-epoch}, and one product for the product names of {@link Workloads#PRODUCTS}. Without
 * {@code --serve} it warms up and samples the named workloads itself and prints {@code name<TAB>wall seconds/op<TAB>CPU seconds/op}. The
 * kernel and thread count come from the {@code nn4j.kernel} and {@code nn4j.threads} properties, as in any nn4j
 * program.
 */
public final class Compare {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Workload> workloads = new HashMap<>();

    private Compare() {
    }

    /**
     * @param args {@code --serve}, or workload names to time once
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        System.err.println("# nn4j products: " + Matrix.productKernel());
        Compare compare = new Compare();
        if (args.length == 1 && args[0].equals("--serve")) {
            compare.serve();
            return;
        }
        for (String name : args) {
            compare.warmup(name, 3.0);
            double[] seconds = compare.sample(name, 1.0);
            System.out.printf(Locale.ROOT, "%s\t%.6g\t%.6g%n", name, seconds[0], seconds[1]);
        }
    }

    private void serve() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "warmup" -> {
                    warmup(words[1], Double.parseDouble(words[2]));
                    System.out.println("ok");
                }
                case "sample" -> {
                    double[] seconds = sample(words[1], Double.parseDouble(words[2]));
                    System.out.printf(Locale.ROOT, "%.6g %.6g%n", seconds[0], seconds[1]);
                }
                case "quit" -> {
                    return;
                }
                default -> System.out.println("error: unknown command " + line);
            }
            System.out.flush();
        }
    }

    /** A workload: one call does {@code operations} operations. */
    private record Workload(Runnable call, int operations) {
    }

    private Workload workload(String name) {
        return workloads.computeIfAbsent(name, Compare::create);
    }

    private static Workload create(String name) {
        switch (name) {
            case "xor-epoch": {
                Sequential model = Workloads.xorNetwork();
                Map<String, Matrix> initial = Workloads.snapshot(model);
                Matrix x = Workloads.xorInputs();
                Matrix y = Workloads.xorTargets();
                return new Workload(() -> {
                    Workloads.restore(model, initial);
                    model.fit(x, y, 1000);
                }, 1000);
            }
            case "mlp-step": {
                Sequential model = Workloads.mlp();
                Map<String, Matrix> initial = Workloads.snapshot(model);
                Matrix x = Workloads.mlpInputs(Workloads.BATCH, 2);
                Matrix y = Workloads.mlpTargets(Workloads.BATCH, 3);
                return new Workload(() -> {
                    Workloads.restore(model, initial);
                    model.fit(x, y, Workloads.steps(20));
                }, 20 * Workloads.BATCH);
            }
            case "mlp-epoch": {
                Sequential model = Workloads.mlp();
                Map<String, Matrix> initial = Workloads.snapshot(model);
                Matrix x = Workloads.mlpInputs(Workloads.EPOCH_SAMPLES, 2);
                Matrix y = Workloads.mlpTargets(Workloads.EPOCH_SAMPLES, 3);
                return new Workload(() -> {
                    Workloads.restore(model, initial);
                    model.fit(x, y, Workloads.epoch());
                }, Workloads.EPOCH_SAMPLES);
            }
            default: {
                Workloads.ProductCase product = Workloads.product(name);
                return new Workload(product::multiply, 1);
            }
        }
    }

    /**
     * Runs until {@code seconds} of wall time and 2 s of this thread's CPU time have passed, then on in half-second
     * rounds until a round is no longer more than 3% faster than the one before (at most 30 s): on a busy machine
     * the JIT's compiler threads wait for a CPU too, and a sample taken before they finish would time the
     * interpreter.
     */
    private void warmup(String name, double seconds) {
        Workload w = workload(name);
        long wallEnd = System.nanoTime() + (long) (seconds * 1e9);
        long cpuEnd = THREADS.getCurrentThreadCpuTime() + 2_000_000_000L;
        do {
            w.call().run();
        } while (System.nanoTime() < wallEnd || THREADS.getCurrentThreadCpuTime() < cpuEnd);
        long giveUp = System.nanoTime() + 30_000_000_000L;
        double previous = sample(name, 0.5)[1];
        while (System.nanoTime() < giveUp) {
            double current = sample(name, 0.5)[1];
            if (current > 0.97 * previous) {
                return;
            }
            previous = current;
        }
    }

    /** @return wall-clock and thread CPU seconds per operation */
    private double[] sample(String name, double seconds) {
        Workload w = workload(name);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int calls = 0;
        do {
            w.call().run();
            calls++;
        } while (System.nanoTime() < end);
        double wall = (System.nanoTime() - start) * 1e-9 / calls / w.operations();
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) * 1e-9 / calls / w.operations();
        return new double[] {wall, cpu};
    }
}
