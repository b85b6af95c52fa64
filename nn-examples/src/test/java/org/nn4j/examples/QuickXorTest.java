package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@link QuickXor}, the way in that skips picocli: it must take exactly the settings picocli would take from the
 * same command line and print exactly what picocli's way prints, and leave every other command line to picocli.
 */
class QuickXorTest {

    /** Command lines the quick way runs. */
    static List<List<String>> quick() {
        return List.of(
                args("xor"),
                args("xor", "--seed", "7", "--epochs", "2000", "--learning-rate", "1.0", "--log-every", "250"),
                args("xor", "--seed=123", "--epochs=3000", "--learning-rate=2", "--log-every=300"),
                args("xor", "--seed", "007", "--epochs", "0", "--log-every", "0"),
                args("xor", "--learning-rate", ".5"),
                args("xor", "--learning-rate", "1."),
                args("xor", "--learning-rate", "2e-1"),
                args("xor", "--learning-rate", "1E+2"),
                args("xor", "--learning-rate", "4.9e-324"),
                args("xor", "--epochs", "2147483647", "--seed", "999999999999999999"),
                args("xor", "-q"),
                args("xor", "--quiet", "--progress", "log"),
                args("xor", "--progress", "bar"),
                args("xor", "--progress", "none"),
                args("xor", "--progress", "auto", "--explain"),
                args("xor", "--explain", "--learning-rate", "0.5"));
    }

    /** Command lines left to picocli: help, files, pictures, mistakes and anything unusual. */
    static List<List<String>> notQuick() {
        return List.of(
                args(), args("--help"), args("-V"), args("spirals"), args("XOR"), args("help", "xor"),
                args("xor", "--help"), args("xor", "-h"), args("xor", "--version"), args("xor", "-V"),
                args("xor", "--plot", "out"), args("xor", "--log-scale"), args("xor", "--save", "a.json"),
                args("xor", "--load", "a.json"), args("xor", "--no-such-option"), args("xor", "extra"),
                args("xor", "--epochs"), args("xor", "--epochs", "many"), args("xor", "--epochs", "-1"),
                args("xor", "--epochs", "2147483648"), args("xor", "--seed", "+5"), args("xor", "--seed", "-5"),
                args("xor", "--seed", "1234567890123456789"), args("xor", "--seed", "\u0663"),
                args("xor", "--seed="), args("xor", "--learning-rate", "0"), args("xor", "--learning-rate", "0.0"),
                args("xor", "--learning-rate", "NaN"), args("xor", "--learning-rate", "Infinity"),
                args("xor", "--learning-rate", "1e999"), args("xor", "--learning-rate", "0x1p3"),
                args("xor", "--learning-rate", "2d"), args("xor", "--learning-rate", "e5"),
                args("xor", "--learning-rate", "."), args("xor", "--learning-rate", "1e"),
                args("xor", "--learning-rate", " 2"), args("xor", "--progress", "Bar"),
                args("xor", "--progress", "fancy"), args("xor", "--seed", "1", "--seed", "2"),
                args("xor", "-q", "--quiet"), args("xor", "--quiet=true"), args("xor", "--explain=false"),
                args("xor", "-qV"), args("xor", "@options.txt"), args("xor", "--", "--seed"));
    }

    @ParameterizedTest
    @MethodSource("quick")
    void takesTheSettingsPicocliTakes(List<String> commandLine) {
        String[] args = commandLine.toArray(String[]::new);
        XorCommand mine = QuickXor.parse(args).orElseThrow(() -> new AssertionError(Arrays.toString(args)));
        CommandLine parser = Main.commandLine();
        parser.parseArgs(args);
        XorCommand picocli = parser.getSubcommands().get("xor").getCommand();

        assertEquals(picocli.training().seed(), mine.training().seed());
        assertEquals(picocli.training().epochs(), mine.training().epochs());
        assertEquals(picocli.training().learningRate(), mine.training().learningRate());
        assertEquals(picocli.progress().mode(), mine.progress().mode());
        assertEquals(picocli.progress().logEvery(), mine.progress().logEvery());
        assertEquals(picocli.explain(), mine.explain());
        assertNull(picocli.saveTo);
        assertNull(picocli.loadFrom);
    }

    @ParameterizedTest
    @MethodSource("notQuick")
    void leavesEveryOtherCommandLineToPicocli(List<String> commandLine) {
        assertEquals(Optional.empty(), QuickXor.parse(commandLine.toArray(String[]::new)), commandLine.toString());
    }

    @ParameterizedTest
    @MethodSource("printingCommandLines")
    void printsWhatPicocliPrints(List<String> commandLine) {
        String[] args = commandLine.toArray(String[]::new);
        Run picocli = capture(() -> Main.commandLine().execute(args));
        Run mine = capture(() -> QuickXor.run(QuickXor.parse(args).orElseThrow()));

        assertEquals(0, picocli.status, picocli.err);
        assertTrue(picocli.out.contains("Verdict: ") || picocli.out.contains("== Backward"), picocli.out);
        assertEquals(picocli, mine);
    }

    /** Command lines whose output does not depend on a terminal: log lines, no progress, the first step. */
    static List<List<String>> printingCommandLines() {
        return List.of(
                args("xor", "--progress", "log"),
                args("xor", "--seed", "7", "--epochs", "600", "--learning-rate", "1.0", "--log-every=150",
                        "--progress=log"),
                args("xor", "-q", "--learning-rate", "2", "--epochs", "2000"),
                args("xor", "--explain", "--seed", "3"));
    }

    @Test
    void mainRunsTheQuickWayAndPicocliAlikeFromTheSameEntryPoint() {
        Run quick = capture(() -> Main.run("xor", "--progress", "log", "--epochs", "300"));
        Run picocli = capture(() -> Main.run("xor", "--progress", "LOG", "--epochs", "300"));
        assertEquals(0, quick.status, quick.err);
        assertEquals(quick, picocli);
        assertEquals(3, quick.out.lines().filter(l -> l.startsWith("Epoch ")).count(), quick.out);
    }

    @Test
    void mistakesStillGetPicocliMessages() {
        Run run = capture(() -> Main.run("xor", "--epochs", "-1"));
        assertEquals(2, run.status);
        assertEquals("nn4j xor: --epochs must be 0 or more, got -1\n", run.err);
        assertEquals("", run.out);
    }

    private static List<String> args(String... args) {
        return List.of(args);
    }

    /** Runs with standard output and error captured (the log lines go to standard output through Logback). */
    private static synchronized Run capture(IntSupplier command) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = command.getAsInt();
            System.out.flush();
            return new Run(status, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Run(int status, String out, String err) {
    }
}
