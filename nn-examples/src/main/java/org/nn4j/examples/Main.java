package org.nn4j.examples;

import java.util.concurrent.Callable;
import org.nn4j.examples.cli.ErrorHandlers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' command line: {@code java -jar nn-examples/target/nn-examples.jar <command> [options]}.
 *
 * <p>Every subcommand answers {@code --help} and {@code --version}. Usage errors (an unknown option, a bad number, a
 * missing file) and bad input print one line on standard error and exit with status 2 (see {@link ErrorHandlers}).
 * Options mean the same in every subcommand: {@code --seed}, {@code --epochs}, {@code --learning-rate},
 * {@code --progress}, {@code --quiet}, {@code --log-every}, {@code --plot}, {@code --log-scale}.
 *
 * <p>Log lines, such as the {@code Epoch 100, Loss: 0.2500} lines of training, go through SLF4J to Logback, which
 * {@code logback.xml} configures: INFO messages from {@code org.nn4j} as bare lines on standard output, warnings and
 * errors from any logger on standard error.
 */
@Command(name = "nn4j",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs the nn4j examples.",
        subcommands = {XorCommand.class, SpiralsCommand.class, FashionMnistCommand.class, TrainCommand.class,
                SummaryCommand.class, PredictCommand.class, ExportCommand.class, PlaygroundCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    /** Created by picocli. */
    public Main() {
    }

    /**
     * Runs a command and exits with its status.
     *
     * @param args the command and its options, such as {@code xor --epochs 5000}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs a command without exiting the JVM.
     *
     * @param args the command and its options
     * @return the exit status: 0 on success, 2 for a usage error or bad input, 1 for a bug
     */
    public static int run(String... args) {
        // Charts are drawn off-screen: no window, and no display needed on servers and CI.
        System.setProperty("java.awt.headless", "true");
        return commandLine().execute(args);
    }

    /** @return the command line with every subcommand, case-insensitive choices and one-line errors */
    static CommandLine commandLine() {
        return ErrorHandlers.install(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    /**
     * A bare {@code nn4j} is a usage error: the usage goes to standard error, and the exit status is 2.
     *
     * @return {@link ErrorHandlers#USAGE}
     */
    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return ErrorHandlers.USAGE;
    }
}
