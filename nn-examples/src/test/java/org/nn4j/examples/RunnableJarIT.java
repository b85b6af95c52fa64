package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built runnable jar and the {@code ./nn4j} launcher, run as users run them (after {@code package}, by
 * failsafe): {@code --add-modules jdk.incubator.vector} turns the vector kernel on, {@code --version} says so, and
 * standard output is the blog's while standard error holds at most the JVM's one line about the incubator module.
 */
class RunnableJarIT {

    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";
    private static final Path JAR = Path.of(System.getProperty("nn4j.jar", "target/nn-examples.jar"));
    private static final Path ROOT = Path.of(System.getProperty("nn4j.root.dir", ".."));
    private static final Path REFERENCE = Path.of(System.getProperty("nn4j.reference.dir",
            "src/test/resources/xor-reference"));

    @TempDir
    Path dir;

    @Test
    void theJarWithTheVectorModuleReportsTheVectorKernel() throws Exception {
        Run run = run(List.of(java(), "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString(), "--version"));
        assertEquals(0, run.status, run.err);
        List<String> lines = run.out.lines().toList();
        assertTrue(lines.get(0).startsWith("nn4j "), run.out);
        assertTrue(lines.get(1).startsWith("kernel: vector ("), run.out);
        assertEquals(List.of(INCUBATOR_WARNING), run.err.lines().toList());
    }

    @Test
    void theJarWithoutItReportsTheScalarKernel() throws Exception {
        Run run = run(List.of(java(), "-jar", JAR.toString(), "--version"));
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.lines().toList().get(1).startsWith("kernel: scalar ("), run.out);
        assertEquals("", run.err);
    }

    @Test
    void theLauncherRunsTheVectorKernelAndPrintsTheBlogsLines() throws Exception {
        Run version = run(List.of("sh", ROOT.resolve("nn4j").toString(), "--version"));
        assertEquals(0, version.status, version.err);
        assertTrue(version.out.lines().toList().get(1).startsWith("kernel: vector ("), version.out);

        Run xor = run(List.of("sh", ROOT.resolve("nn4j").toString(), "xor"));
        assertEquals(0, xor.status, xor.err);
        String expected = Files.readString(REFERENCE.resolve("42-1000-0.1-100.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, xor.out);   // the whole output: the verdict goes to standard error
        assertEquals(List.of(INCUBATOR_WARNING), version.err.lines().toList());
        // standard error: the JVM's line, then nn4j's verdict (two lines), nothing else
        List<String> err = xor.err.lines().toList();
        assertEquals(INCUBATOR_WARNING, err.get(0), xor.err);
        assertTrue(err.get(1).startsWith("Verdict: the network did NOT learn XOR"), xor.err);
        assertEquals(3, err.size(), xor.err);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command with this JVM as JAVA_HOME, standard output and error to files (no terminal). */
    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.remove("NN4J_JAVA_OPTS");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
