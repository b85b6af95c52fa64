package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar as a user runs it ({@code java --add-modules jdk.incubator.vector -jar nn-examples.jar ...}),
 * with standard output and error captured in files of a test directory and standard input from a file or nothing.
 */
final class JarRunner {

    /** The runnable jar that failsafe's {@code nn4j.jar} property names. */
    static final Path JAR = Path.of(System.getProperty("nn4j.jar", "target/nn-examples.jar"));
    /** The one line the JVM prints on standard error for the incubator module. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private final Path dir;

    /** @param dir where the output files go, and the working directory of the run */
    JarRunner(Path dir) {
        this.dir = dir;
    }

    /** What a run printed, with the JVM's incubator line taken out of standard error. */
    record Run(int status, String out, String err) {
    }

    /** @return the command line that runs the jar with these JVM options and arguments */
    static List<String> command(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        return command;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(null, List.of(), args);
    }

    Run run(Path stdin, List<String> jvm, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command(jvm, args)).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), List.of(args) + " did not finish");
        String error = Files.readString(err, StandardCharsets.UTF_8).replace(INCUBATOR_WARNING + "\n", "");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), error);
    }
}
