package org.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.examples.progress.ProgressMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line's conventions, for every subcommand: help, version and one-line usage errors with status 2. */
class CommandLineTest {

    /** Every subcommand. */
    static List<String> subcommands() {
        return List.of("xor", "spirals", "fashion-mnist", "train", "summary", "predict", "export", "playground");
    }

    @Test
    void hasExactlyTheExpectedSubcommands() {
        Set<String> names = new TreeSet<>(Main.commandLine().getSubcommands().keySet());
        names.remove("help");
        assertEquals(new TreeSet<>(subcommands()), names);
    }

    @Test
    void topLevelHelpListsEverySubcommand() {
        Result result = run("--help");
        assertEquals(0, result.status);
        assertTrue(result.out.startsWith("Usage: nn4j "), result.out);
        for (String name : subcommands()) {
            assertTrue(result.out.contains("\n  " + name + " "), () -> name + " missing from\n" + result.out);
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasHelp(String name) {
        Result result = run(name, "--help");
        assertEquals(0, result.status, result.err);
        assertTrue(result.out.startsWith("Usage: nn4j " + name + " "), result.out);
        assertTrue(result.out.contains("-h, --help"), result.out);
        assertTrue(result.out.contains("-V, --version"), result.out);
        assertEquals("", result.err);
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandHasVersionInformation(String name) {
        Result result = run(name, "--version");
        assertEquals(0, result.status);
        assertTrue(result.out.startsWith("nn4j "), result.out);
        assertTrue(result.out.contains("Java " + System.getProperty("java.version")), result.out);
    }

    @Test
    void versionNamesTheProductKernelInUseOnItsSecondLine() {
        Result result = run("--version");
        assertEquals(0, result.status, result.err);
        List<String> lines = result.out.lines().toList();
        assertTrue(lines.get(0).startsWith("nn4j "), result.out);
        assertEquals("kernel: " + Matrix.productKernel(), lines.get(1));
        assertTrue(lines.get(1).startsWith("kernel: vector") || lines.get(1).startsWith("kernel: scalar"),
                result.out);
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void aWrongOptionIsOneClearLineAndStatus2(String name) {
        Result result = run(name, "--no-such-option");
        assertEquals(2, result.status);
        assertEquals("nn4j " + name + ": Unknown option: '--no-such-option' (see 'nn4j " + name + " --help')\n",
                result.err);
        assertEquals("", result.out);
    }

    @Test
    void aMisspeltOptionIsReportedRatherThanTheRequiredOneItHid() {
        Result result = run("train", "--dta", "x.csv", "--label", "y");
        assertEquals(2, result.status);
        assertEquals("nn4j train: Unmatched arguments: '--dta', 'x.csv' (see 'nn4j train --help')\n",
                result.err);
    }

    @Test
    void aValueOutOfRangeIsOneLineAndStatus2() {
        Result result = run("spirals", "--classes", "1");
        assertEquals(2, result.status);
        assertEquals("nn4j spirals: --classes must be at least 2, got 1\n", result.err);
    }

    @Test
    void aBadNumberNamesTheOptionAndValue() {
        Result result = run("xor", "--epochs", "many");
        assertEquals(2, result.status);
        assertEquals("nn4j xor: Invalid value for option '--epochs': 'many' is not an int (see 'nn4j xor --help')\n",
                result.err);
    }

    @Test
    void anUnknownProgressModeListsTheChoices() {
        Result result = run("xor", "--progress", "fancy");
        assertEquals(2, result.status);
        assertEquals(1, result.err.lines().count(), result.err);
        assertTrue(result.err.contains("expected one of [AUTO, BAR, LOG, NONE] (case-insensitive) but was 'fancy'"),
                result.err);
    }

    @Test
    void progressModesAreCaseInsensitiveAndQuietWins() {
        CommandLine commandLine = Main.commandLine();
        commandLine.parseArgs("xor", "--progress", "Bar");
        XorCommand xor = commandLine.getSubcommands().get("xor").getCommand();
        assertEquals(ProgressMode.BAR, xor.progress().mode());
        CommandLine quiet = Main.commandLine();
        quiet.parseArgs("xor", "--progress", "log", "--quiet");
        assertEquals(ProgressMode.NONE, ((XorCommand) quiet.getSubcommands().get("xor").getCommand()).progress().mode());
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Result(status, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    private record Result(int status, String out, String err) {
    }
}
