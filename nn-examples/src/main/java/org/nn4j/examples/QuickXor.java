package org.nn4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.nn4j.examples.cli.ErrorHandlers;
import org.nn4j.examples.cli.ProgressOptions;
import org.nn4j.examples.cli.TrainingOptions;
import org.nn4j.examples.progress.ProgressMode;

/**
 * The fast way in for the commonest command lines: {@code xor} with at most the options below, each given once with
 * a plain value, runs without picocli.
 * <pre>
 *   xor [--seed N] [--epochs N] [--learning-rate RATE] [--log-every N] [--progress auto|bar|log|none]
 *       [-q | --quiet] [--explain]
 * </pre>
 * Why: picocli builds its model of every subcommand from annotations by reflection before it parses anything, which
 * costs more time than training the blog's network 1000 times. A JVM that skips it starts and finishes the blog's
 * run in about half the time.
 *
 * <p>The rule is "accept only what picocli would accept, and mean the same by it; otherwise step aside". A value must
 * be plain ASCII digits (the rate may have a decimal point and an exponent), in range and valid for its option
 * ({@code --learning-rate} above 0); each option may appear once, as {@code --name value} or {@code --name=value}.
 * Anything else, such as {@code --help}, {@code --version}, {@code --plot}, {@code --save}, {@code --load}, a
 * misspelt option, a bad or negative number, an upper-case progress mode or a repeated option, goes to picocli,
 * which prints what it always prints. {@code QuickXorTest} checks that both ways parse the same settings and print
 * the same output.
 */
final class QuickXor {

    private QuickXor() {
    }

    /**
     * @param args the whole command line, starting with the subcommand's name
     * @return the {@code xor} command with these options set, or empty when picocli has to parse them
     */
    static Optional<XorCommand> parse(String... args) {
        if (args.length == 0 || !args[0].equals("xor")) {
            return Optional.empty();
        }
        XorCommand defaults = new XorCommand();
        long seed = defaults.training().seed();
        int epochs = defaults.training().epochs();
        double learningRate = defaults.training().learningRate();
        int logEvery = defaults.progress().logEvery();
        ProgressMode mode = ProgressMode.AUTO;
        boolean quiet = false;
        boolean explain = false;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String option = name.equals("-q") ? "--quiet" : name;
            if (!seen.add(option)) {
                return Optional.empty();
            }
            if (option.equals("--quiet") || option.equals("--explain")) {
                if (value != null) {
                    return Optional.empty();
                }
                quiet |= option.equals("--quiet");
                explain |= option.equals("--explain");
                continue;
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    return Optional.empty();
                }
                value = args[++i];
            }
            switch (option) {
                case "--seed" -> seed = naturalNumber(value, Long.MAX_VALUE);
                case "--epochs" -> epochs = (int) naturalNumber(value, Integer.MAX_VALUE);
                case "--log-every" -> logEvery = (int) naturalNumber(value, Integer.MAX_VALUE);
                case "--learning-rate" -> learningRate = positiveDecimal(value);
                case "--progress" -> mode = progressMode(value);
                default -> {
                    return Optional.empty();
                }
            }
            if (seed < 0 || epochs < 0 || logEvery < 0 || learningRate < 0 || mode == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new XorCommand(new TrainingOptions(seed, epochs, learningRate),
                new ProgressOptions(mode, quiet, logEvery), explain));
    }

    /**
     * Runs a command that {@link #parse} accepted, reporting bad input and bugs as picocli would with
     * {@link ErrorHandlers} installed.
     *
     * @param xor the command
     * @return its exit status: 0, {@value ErrorHandlers#USAGE} for bad input, {@value ErrorHandlers#SOFTWARE} for a bug
     */
    static int run(XorCommand xor) {
        try {
            return xor.call();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println(ErrorHandlers.badInput("nn4j xor", e));
            System.err.flush();
            return ErrorHandlers.USAGE;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return ErrorHandlers.SOFTWARE;
        }
    }

    /** @return the value of 1 to 18 ASCII digits, if it is at most {@code max}; -1 otherwise */
    private static long naturalNumber(String value, long max) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = 10 * n + (c - '0');
        }
        return n <= max ? n : -1;
    }

    /**
     * @return the value of {@code digits[.digits][e[+|-]digits]} (or {@code .digits...}) if it is positive and
     *         finite, as {@link Double#valueOf} reads it; -1 for anything else
     */
    private static double positiveDecimal(String value) {
        int i = digits(value, 0);
        boolean mantissa = i > 0;
        if (i < value.length() && value.charAt(i) == '.') {
            int fraction = digits(value, i + 1);
            mantissa |= fraction > i + 1;
            i = fraction;
        }
        if (mantissa && i < value.length() && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            int sign = i + 1 < value.length() && (value.charAt(i + 1) == '+' || value.charAt(i + 1) == '-') ? 1 : 0;
            int exponent = digits(value, i + 1 + sign);
            i = exponent > i + 1 + sign ? exponent : -1;
        }
        if (!mantissa || i != value.length()) {
            return -1;
        }
        double rate = Double.parseDouble(value);
        return rate > 0 && rate < Double.POSITIVE_INFINITY ? rate : -1;
    }

    /** @return the index after the ASCII digits that start at {@code from} */
    private static int digits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** @return the mode named exactly as {@link ProgressMode#toString} prints it, or null */
    private static ProgressMode progressMode(String value) {
        for (ProgressMode mode : ProgressMode.values()) {
            if (mode.toString().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
