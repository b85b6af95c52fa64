package org.nn4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelChoiceTest {

    @Test
    void theScalarAndReferenceEnginesCanAlwaysBeChosen() {
        assertEquals("scalar", KernelChoice.kernel(" Scalar "));
        assertEquals("reference", KernelChoice.kernel("REFERENCE"));
        assertEquals("scalar (4-row panels of 128×256, vectorised by the JIT), up to 1 thread per product",
                KernelChoice.engine("scalar", "1").description());
        assertTrue(KernelChoice.engine("scalar", "3").description().endsWith("up to 3 threads per product"));
        assertSame(Engine.reference(), KernelChoice.engine("reference", null));
        assertEquals("reference (plain loops, one thread)", Engine.reference().description());
    }

    @Test
    void autoPicksTheVectorEngineWhenTheModuleIsPresent() {
        assumeTrue(KernelChoice.vectorModulePresent(), "run with --add-modules jdk.incubator.vector");
        assertEquals("vector", KernelChoice.kernel("auto"));
        assertTrue(KernelChoice.engine("auto", "2").description().startsWith("vector ("));
        assertTrue(KernelChoice.engine("vector", "2").description().endsWith("up to 2 threads per product"));
        assertTrue(Engine.chosen().description().startsWith("vector ("), Engine.chosen().description());
    }

    @Test
    void aBadKernelNameIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelChoice.kernel("gpu"));
        assertEquals("nn4j.kernel must be auto, vector, scalar or reference, got \"gpu\"", e.getMessage());
    }

    @Test
    void threadCountsAreParsedAndChecked() {
        assertEquals(Runtime.getRuntime().availableProcessors(), KernelChoice.threads(null));
        assertEquals(2, KernelChoice.threads(" 2"));
        for (String bad : List.of("0", "-1", "two")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KernelChoice.threads(bad));
            assertEquals("nn4j.threads must be a positive integer, got \"" + bad + "\"", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> KernelChoice.engine("reference", bad));
        }
    }

    /**
     * A JVM started without the incubator module must pick the scalar kernel and never load the vector classes
     * (which would drag in jdk.incubator.vector and fail). Runs {@link KernelProbe} in a child JVM with class
     * loading logged.
     */
    @Test
    void withoutTheModuleTheVectorClassesAreNeverLoaded() throws IOException, InterruptedException {
        String output = probe();
        assertTrue(output.contains("kernel: scalar"), output);
        assertTrue(output.contains("org.nn4j.engine.ScalarKernel"), output);
        assertFalse(output.contains("org.nn4j.engine.Vector"), output);
        assertFalse(output.contains("jdk.incubator.vector"), output);
    }

    @Test
    void theReferenceEngineCanBeChosenOnTheCommandLine() throws IOException, InterruptedException {
        String output = probe("-Dnn4j.kernel=reference");
        assertTrue(output.contains("kernel: reference (plain loops, one thread) sum 16000.0"), output);
        assertFalse(output.contains("org.nn4j.engine.ScalarKernel"), output);
    }

    @Test
    void askingForVectorWithoutTheModuleFailsClearly() throws IOException, InterruptedException {
        String output = probe("-Dnn4j.kernel=vector");
        assertTrue(output.contains("nn4j.kernel=vector needs the JVM option --add-modules jdk.incubator.vector"),
                output);
    }

    /**
     * The choice is logged once at DEBUG ({@code System.Logger}, here backed by java.util.logging at FINE) when the
     * first product reaches a kernel, and a program of small products never starts the JDK's logging at all.
     */
    @Test
    void theChoiceIsLoggedAtDebugOnceAndOnlyWhenAKernelRuns(@TempDir Path dir) throws IOException,
            InterruptedException {
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, String.join("\n", "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=ALL", "org.nn4j.engine.Engine.level=ALL", ""));
        String logging = "-Djava.util.logging.config.file=" + config;
        String large = probe(logging, "-Dnn4j.kernel=scalar");
        int first = large.indexOf("nn4j engine: scalar");
        assertTrue(first >= 0, large);
        assertEquals(-1, large.indexOf("nn4j engine", first + 1), "logged once: " + large);

        String small = probeWith(List.of(logging), "small");
        assertTrue(small.contains("small product sum 4.0"), small);
        assertFalse(small.contains("nn4j engine"), small);
        assertFalse(small.contains("java.util.logging.LogManager "), "JDK logging started: " + small);
    }

    private static String probe(String... options) throws IOException, InterruptedException {
        return probeWith(List.of(options));
    }

    private static String probeWith(List<String> options, String... arguments) throws IOException,
            InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xlog:class+load=info", "-Xshare:off",
                "-cp", classPath));
        command.addAll(options);
        command.add(KernelProbe.class.getName());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
