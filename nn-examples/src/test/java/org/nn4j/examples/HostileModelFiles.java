package org.nn4j.examples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the structure-heavy model files of issue 15 (gap 1), streaming, so that a test or a person can make them
 * without holding them in memory. Each is a syntactically valid document of at most 32 MiB (the default
 * {@code ModelLimits.maxDocumentLength}) that the loader must refuse within a small heap:
 * <pre>
 *   relu-400k.json          400 000 {"type": "relu"} layers                          6.4 MB
 *   relu-1500k.json         1 500 000 of them                                          24 MB
 *   config-keys.json        2 000 000 unknown keys in a layer's "config"               18 MB
 *   parameter-keys.json     2 000 000 unknown keys in a layer's "parameters"           26 MB
 *   state-keys.json         2 000 000 unknown keys in "optimizer.state"                30 MB
 *   state-keys-first.json   the same with "optimizer" before "layers"                  30 MB
 * </pre>
 * Run from the repository root after {@code test-compile}:
 * {@code java -cp nn-examples/target/test-classes org.nn4j.examples.HostileModelFiles DIRECTORY}. With
 * {@code --measure} after the directory (and the jar on the class path, in a small heap such as {@code -Xmx128m}) it
 * loads each file already there instead and prints the time the loader took and the heap's peak use.
 */
public final class HostileModelFiles {

    /** The file names, in the order of the table above. */
    static final String[] NAMES = {"relu-400k.json", "relu-1500k.json", "config-keys.json", "parameter-keys.json",
        "state-keys.json", "state-keys-first.json"};

    private static final String HEAD = "{\"format\":\"nn4j-model\",\"version\":2,\"inputSize\":2,";
    private static final String LOSS = "\"loss\":{\"type\":\"mse\"},";
    private static final String SGD = "\"optimizer\":{\"type\":\"sgd\",\"config\":{\"learningRate\":0.1}}";
    private static final String DENSE = "{\"type\":\"dense\",\"config\":{\"units\":1},\"parameters\":"
            + "{\"weights\":[[1],[1]],\"bias\":[[0]]}}";
    private static final int KEYS = 2_000_000;

    private HostileModelFiles() {
    }

    /**
     * @param args the directory to write into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("--measure")) {
            measure(Path.of(args[0]));
        } else {
            writeAll(Files.createDirectories(Path.of(args[0])));
        }
    }

    /** Loads each file in this JVM, printing how long the loader took, its message and the heap's peak use. */
    private static void measure(Path dir) throws IOException {
        for (String name : NAMES) {
            for (java.lang.management.MemoryPoolMXBean pool
                    : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            String outcome;
            try {
                org.nn4j.io.ModelFormat.standard().load(dir.resolve(name));
                outcome = "loaded";
            } catch (org.nn4j.io.ModelFormatException e) {
                outcome = e.getMessage();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (java.lang.management.MemoryPoolMXBean pool
                    : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("%-22s %6.1f MB  %6d ms  peak heap %5.1f MB  %s%n", name, Files.size(dir.resolve(name))
                    / 1e6, millis, peak / 1e6, outcome);
        }
    }

    /**
     * Writes every file of the table into a directory.
     *
     * @param dir the directory
     * @throws IOException if a file cannot be written
     */
    static void writeAll(Path dir) throws IOException {
        write(dir.resolve(NAMES[0]), out -> reluLayers(out, 400_000));
        write(dir.resolve(NAMES[1]), out -> reluLayers(out, 1_500_000));
        write(dir.resolve(NAMES[2]), out -> {
            out.write(HEAD + "\"layers\":[{\"type\":\"dense\",\"config\":{\"units\":1");
            for (int i = 0; i < KEYS; i++) {
                out.write(",\"" + Integer.toString(i, 36) + "\":0");
            }
            out.write("}}]," + LOSS + SGD + "}");
        });
        write(dir.resolve(NAMES[3]), out -> {
            out.write(HEAD + "\"layers\":[{\"type\":\"dense\",\"config\":{\"units\":1},\"parameters\":{");
            for (int i = 0; i < KEYS; i++) {
                out.write((i == 0 ? "\"" : ",\"") + Integer.toString(i, 36) + "\":[[0]]");
            }
            out.write("}}]," + LOSS + SGD + "}");
        });
        write(dir.resolve(NAMES[4]), out -> {
            out.write(HEAD + "\"layers\":[" + DENSE + "]," + LOSS + "\"optimizer\":{\"type\":\"adam\",\"config\":"
                    + "{\"learningRate\":0.1,\"beta1\":0.9,\"beta2\":0.999,\"epsilon\":1e-8},\"state\":{");
            stateKeys(out);
            out.write("}}}");
        });
        write(dir.resolve(NAMES[5]), out -> {
            out.write(HEAD + LOSS + "\"optimizer\":{\"type\":\"adam\",\"config\":{\"learningRate\":0.1,\"beta1\":0.9,"
                    + "\"beta2\":0.999,\"epsilon\":1e-8},\"state\":{");
            stateKeys(out);
            out.write("}},\"layers\":[" + DENSE + "]}");
        });
    }

    private static void reluLayers(Writer out, int layers) throws IOException {
        out.write(HEAD + "\"layers\":[");
        for (int i = 0; i < layers; i++) {
            out.write(i == 0 ? "{\"type\":\"relu\"}" : ",{\"type\":\"relu\"}");
        }
        out.write("]," + LOSS + SGD + "}");
    }

    private static void stateKeys(Writer out) throws IOException {
        for (int i = 0; i < KEYS; i++) {
            out.write((i == 0 ? "\"m/" : ",\"m/") + Integer.toString(i, 36) + "\":[[0]]");
        }
    }

    /** Writes one document. */
    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(out);
        }
    }
}
