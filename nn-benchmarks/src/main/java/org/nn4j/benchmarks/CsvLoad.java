package org.nn4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.nn4j.core.data.CsvTable;

/**
 * Times {@link CsvTable#read} on one file and reports the heap the table keeps, for the CSV figures in
 * docs/performance.md (run by {@code nn-benchmarks/csv/measure.sh}):
 * <pre>
 *   java -Xmx450m -cp nn-benchmarks/target/nn-benchmarks.jar org.nn4j.benchmarks.CsvLoad FILE.csv label 3
 * </pre>
 * Each of the {@code runs} reads the whole file and prints its wall time and the CPU time of the reading thread
 * (the fairer figure on a shared machine); the heap's peak (all pools, as the JVM records it) and the bytes
 * the last table keeps after a full collection are printed with the values it holds.
 */
public final class CsvLoad {

    private CsvLoad() {
    }

    /**
     * @param args the file, the label column, the number of runs (default 3)
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CsvTable table = null;
        for (int run = 0; run < runs; run++) {
            table = null;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            table = CsvTable.read(file, args[1]);
            System.out.printf("CsvTable.read %d×%d: %.2f s wall, %.2f s CPU of the reading thread%n",
                    table.features().rows(), table.features().cols(), (System.nanoTime() - start) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long kept = runtime.totalMemory() - runtime.freeMemory();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long values = (long) table.features().rows() * table.features().cols();
        System.out.printf("heap after a full GC: %.0f MB (%.1f bytes per value); peak heap (sum of pool peaks): %.0f MB;"
                + " -Xmx %.0f MB%n", kept / 1e6, (double) kept / values, peak / 1e6, runtime.maxMemory() / 1e6);
    }
}
