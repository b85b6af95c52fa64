import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.benchmarks.Workloads;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;

/**
 * The MLP benchmark's training step (784-128-10, batch 64, MlpBenchmark.step) timed by the CPU time of the training
 * thread, which a machine shared with other work disturbs far less than wall time. Used to measure the trainer's
 * divergence check: run it against nn-benchmarks.jar built with and without the check (docs/reliability.md).
 *
 *   java --add-modules jdk.incubator.vector -cp nn-benchmarks/target/nn-benchmarks.jar \
 *       nn-benchmarks/check-cost/StepCpuTime.java [ROUNDS]
 *
 * Prints the CPU microseconds per step of each round of 2,000 steps (after 2,000 warm-up steps) and their median.
 */
public class StepCpuTime {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Workloads.useKernel("vector", 1);
        Sequential model = Workloads.mlp();
        Map<String, Matrix> initial = Workloads.snapshot(model);
        Matrix x = Workloads.mlpInputs(Workloads.BATCH, 2);
        Matrix y = Workloads.mlpTargets(Workloads.BATCH, 3);
        TrainingConfig steps = Workloads.steps(20);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] perStep = new double[rounds];
        for (int round = -1; round < rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 100; i++) {
                Workloads.restore(model, initial);
                model.fit(x, y, steps);
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / 2000;
            if (round >= 0) {
                perStep[round] = micros;
                System.out.printf("round %d: %.1f µs CPU per step%n", round, micros);
            }
        }
        java.util.Arrays.sort(perStep);
        System.out.printf("median: %.1f µs CPU per step%n", perStep[rounds / 2]);
    }
}
