package org.nn4j.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' command line: {@code java -jar nn-examples/target/nn-examples.jar <command> [options]}.
 *
 * <p>Usage errors (an unknown option, a bad number) print one line and the usage on standard error and exit with
 * status 2.
 */
@Command(name = "nn4j",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs the nn4j examples.",
        subcommands = {XorCommand.class, SpiralsCommand.class, TrainCommand.class, SummaryCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

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
     * @return the exit status: 0 on success, 2 for a usage error or a bad file
     */
    public static int run(String... args) {
        return new CommandLine(new Main()).setExitCodeExceptionMapper(e -> 2).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
