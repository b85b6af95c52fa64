package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nn4j.api.training.TrainingListener;
import java.util.concurrent.Callable;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.text.Decimals;
import org.nn4j.core.training.LossLogger;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.examples.cli.Interruption;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.examples.cli.PlotOptions;
import org.nn4j.examples.cli.ProgressOptions;
import org.nn4j.examples.cli.TrainingEnds;
import org.nn4j.examples.cli.TrainingOptions;
import org.nn4j.examples.explain.BlogStep;
import org.nn4j.plots.TrainingPictures;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The blog's program, rebuilt from nn4j's pieces: a 2-4-1 sigmoid network learning XOR.
 *
 * <p>It prints what the blog prints (the training data, {@code Epoch i, Loss: x} lines from the
 * {@link LossLogger}, the four predictions and four "slightly different inputs") on standard output, then says on
 * standard error whether the network learned XOR: {@code nn4j xor > out.txt} writes exactly the blog's output.
 * A loss that becomes NaN or infinite (a learning rate far too large) stops training with one line on standard
 * error naming the epoch and exit status {@value TrainingEnds#DIVERGED}, before any prediction is shown. With the defaults (seed 42, 1000 epochs, rate 0.2, a line every 100 epochs) every printed line is
 * character for character the blog's: nn4j's honest mean squared error needs twice the blog's learning rate of 0.1
 * for the same steps.
 *
 * <p>{@code --save FILE} saves the trained model as JSON; {@code --load FILE} skips training and tests the saved
 * model instead (both together re-save it). A file that cannot be read or is not a model prints one line on
 * standard error and exits with status 2.
 *
 * <p>The {@code Epoch} lines are the progress of log mode, which {@code --progress auto} (the default) chooses
 * whenever standard output is not a terminal, so piped or redirected output is the blog's; on a terminal a progress
 * bar takes their place ({@code --progress log} keeps the lines). {@code --plot DIR} draws the loss curve and the
 * decision boundary; {@code --explain} prints the first training step matrix by matrix instead of training.
 */
@Command(name = "xor", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Trains the blog's 2-4-1 sigmoid network on XOR and prints what the blog prints.",
            "The learning rate is SGD's on the mean squared error: 0.2 takes the blog's steps (its 0.1)."})
public final class XorCommand implements Callable<Integer> {

    /** The four XOR inputs, one per row. */
    static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** The XOR of each row. */
    static final double[] TARGETS = {0, 1, 1, 0};
    /** The blog's "slightly different inputs". */
    static final double[][] NEAR_INPUTS = {{0.1, 0.9}, {0.8, 0.2}, {0.9, 0.9}, {0.1, 0.1}};

    @Mixin
    private TrainingOptions training = new TrainingOptions(42, 1000, 0.2);

    @Mixin
    private ProgressOptions progress = new ProgressOptions(100);

    @Mixin
    private PlotOptions plot = new PlotOptions();

    @Option(names = "--explain",
            description = "Print the first training step in the blog's names (z1, a1, z2, output, output_delta,"
                    + " hidden_delta, every update) as aligned matrices, then stop.")
    private boolean explain;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the model as JSON after testing it.")
    Path saveTo;

    @Option(names = "--load", paramLabel = "FILE",
            description = "Skip training: load a model saved with --save and test it.")
    Path loadFrom;

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public XorCommand() {
        this(System.out, System.err);
    }

    XorCommand(PrintStream out) {
        this(out, System.err);
    }

    XorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return how this run shows its progress, as parsed from the command line */
    ProgressOptions progress() {
        return progress;
    }

    @Override
    public Integer call() throws IOException {
        check();
        Matrix x = Matrix.of(INPUTS);
        Matrix y = Matrix.columnVector(TARGETS);
        if (explain && loadFrom != null) {
            throw new IllegalArgumentException("--explain shows the first step of a new network: leave out --load");
        }
        Optional<Sequential> network = loadFrom == null
                ? Optional.of(BlogNetwork.create(training.seed(), training.learningRate())) : loaded();
        if (network.isEmpty()) {
            return ModelFiles.BAD_FILE;
        }
        Sequential model = network.get();
        if (explain) {
            BlogStep.explain(model, training.learningRate(), x, y, out);
            return 0;
        }

        out.println("Training Data:");
        out.println("Input -> Expected Output");
        for (int i = 0; i < INPUTS.length; i++) {
            out.println(intPair(INPUTS[i]) + " -> " + (int) TARGETS[i]);
        }

        String finalLoss;
        TrainingHistory history = null;
        out.println();
        if (loadFrom != null) {
            out.println("Loaded the network from " + loadFrom + " (training skipped): " + model);
            finalLoss = Decimals.fixed(model.loss().value(model.predict(x), y), 4);
        } else {
            out.println("Training the network...");
            List<TrainingListener> shown = progress.listeners(out, training.epochs());
            try (Interruption interruption = Interruption.install(out, err, "xor", null, 0, shown)) {
                history = model.fit(x, y, TrainingConfig.builder().epochs(training.epochs())
                        .listeners(shown).listener(new StopOnNaN())
                        .listener(interruption).build());
            }
            if (TrainingEnds.reportStop(err, "xor", history, model)) {
                return TrainingEnds.DIVERGED;
            }
            finalLoss = Decimals.fixed(history.finalLoss(), 4);
        }

        boolean learned = printTests(model);

        // The verdict is nn4j's, not the blog's: standard error, so that standard output is the blog's output.
        out.flush();
        err.println(verdict(learned, finalLoss));
        return saveAndPlot(model, history, x, y);
    }

    /** {@code --save} and {@code --plot}, after the run. */
    private int saveAndPlot(Sequential model, TrainingHistory history, Matrix x, Matrix y) throws IOException {
        if (saveTo != null) {
            try {
                ModelFormat.standard().save(model, saveTo);
            } catch (IOException e) {
                return ModelFiles.reportBadFile(err, "xor", saveTo, e);
            }
            out.println("Saved the network to " + saveTo + ".");
        }
        if (plot.directory().isPresent() && history != null && history.epochs() > 0) {
            String title = "XOR, seed " + training.seed() + ", " + training.epochs() + " epochs, rate "
                    + training.learningRate();
            for (Path file : TrainingPictures.write(plot.directory().get(), title, plot.logScale(), history, model,
                    x, y)) {
                out.println("Wrote " + file);
            }
        }
        return 0;
    }

    /** Refuses bad options and unusable output paths before anything is computed. */
    private void check() {
        training.check();
        progress.check();
        if (saveTo != null) {
            OutputPaths.checkFile("--save", saveTo);
        }
        plot.directory().ifPresent(dir -> OutputPaths.checkDirectory("--plot", dir));
    }

    /** The network in {@code --load}'s file, or empty after one line on standard error saying what is wrong. */
    private Optional<Sequential> loaded() {
        Sequential model;
        try {
            model = ModelFormat.standard().load(loadFrom);
        } catch (IOException e) {
            ModelFiles.reportBadFile(err, "xor", loadFrom, e);
            return Optional.empty();
        }
        if (model.inputSize() != 2 || model.outputSize() != 1) {
            err.println("nn4j xor: " + loadFrom + ": the model maps " + model.inputSize() + " inputs to "
                    + model.outputSize() + " outputs; XOR needs 2 to 1");
            return Optional.empty();
        }
        return Optional.of(model);
    }

    /** Prints the blog's two tests of the trained network; returns whether every XOR row is on the right side. */
    private boolean printTests(Sequential model) {
        out.println();
        out.println("Testing the trained network:");
        out.println("Input -> Predicted Output (Expected)");
        boolean learned = true;
        for (int i = 0; i < INPUTS.length; i++) {
            double p = model.predict(Matrix.rowVector(INPUTS[i])).get(0, 0);
            learned &= Math.abs(p - TARGETS[i]) < 0.5;
            out.println(intPair(INPUTS[i]) + " -> " + Decimals.fixed(p, 4) + " (" + (int) TARGETS[i] + ")");
        }

        out.println();
        out.println("Testing with slightly different inputs:");
        for (double[] test : NEAR_INPUTS) {
            double p = model.predict(Matrix.rowVector(test)).get(0, 0);
            int expected = (test[0] > 0.5) != (test[1] > 0.5) ? 1 : 0;
            out.println("[" + test[0] + ", " + test[1] + "] -> " + Decimals.fixed(p, 4) + " (expected ~" + expected + ")");
        }
        return learned;
    }

    private String verdict(boolean learned, String loss) {
        if (learned) {
            return "Verdict: the network learned XOR: every prediction is on the right side of 0.5"
                    + " (final training loss " + loss + ").";
        }
        if (loadFrom != null) {
            return "Verdict: the loaded network does NOT compute XOR: some predictions are on the wrong side of 0.5"
                    + " (loss " + loss + ").";
        }
        return "Verdict: the network did NOT learn XOR in " + training.epochs() + " epochs at learning rate "
                + training.learningRate()
                + ": some predictions are on the wrong side of 0.5 (final training loss " + loss + ";"
                + " guessing 0.5 everywhere scores 0.2500).\n"
                + "It needs more steps or larger ones: try --epochs 10000, or --learning-rate 2 --epochs 2000.";
    }

    /** Prints an integer input row as numpy prints {@code X[i]}: {@code [0 1]}. */
    private static String intPair(double[] row) {
        return "[" + (int) row[0] + " " + (int) row[1] + "]";
    }
}
