package org.nn4j.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports mistakes: one line on standard error naming the command and what was wrong, and exit
 * status {@value #USAGE}.
 * <pre>
 *   $ nn4j xor --bogus
 *   nn4j xor: Unknown option: '--bogus' (see 'nn4j xor --help')
 *   $ echo $?
 *   2
 * </pre>
 * Usage errors (unknown options, bad numbers, missing files) and bad input found while running (an unreadable or
 * malformed file, data that does not fit the model, {@link IllegalArgumentException}) are the user's to fix and get
 * this treatment. Anything else is a bug in nn4j: picocli prints its stack trace and the exit status is
 * {@value #SOFTWARE}.
 */
public final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit status for a usage error or bad input. */
    public static final int USAGE = 2;
    /** Exit status for a bug. */
    public static final int SOFTWARE = 1;

    /** The handlers for one command line. */
    public ErrorHandlers() {
    }

    /**
     * Installs both handlers on a command line and its subcommands.
     *
     * @param commandLine the command line
     * @return the same command line
     */
    public static CommandLine install(CommandLine commandLine) {
        ErrorHandlers handlers = new ErrorHandlers();
        return commandLine.setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers)
                .setExitCodeExceptionMapper(e -> SOFTWARE);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(firstMistake(ex)) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) throws Exception {
        if (ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException) {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(message(ex)));
            cmd.getErr().flush();
            return USAGE;
        }
        throw ex;
    }

    /**
     * picocli checks required options before it complains about unknown ones, so {@code train --dta x.csv} would
     * say that {@code --data} is missing; the misspelt option is the mistake to report.
     */
    private static String firstMistake(ParameterException ex) {
        ParseResult result = ex.getCommandLine().getParseResult();
        if (ex instanceof MissingParameterException && result != null && !result.unmatched().isEmpty()) {
            List<String> unmatched = result.unmatched();
            boolean options = unmatched.stream().allMatch(a -> a.startsWith("-"));
            return (options ? "Unknown option" : "Unmatched argument") + (unmatched.size() > 1 ? "s" : "") + ": '"
                    + String.join("', '", unmatched) + "'";
        }
        return ex.getMessage();
    }

    private static String message(Exception ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
