package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.init.HeNormal;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.core.text.Decimals;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.examples.cli.Interruption;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.examples.cli.PlotOptions;
import org.nn4j.examples.cli.TrainingEnds;
import org.nn4j.examples.cli.ProgressOptions;
import org.nn4j.examples.cli.TrainingOptions;
import org.nn4j.plots.TrainingPictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a softmax classifier on interleaved spirals, the classic data set that no straight line can separate.
 *
 * <pre>
 *   data:    TeachingSets.spirals(points, classes, noise), shuffled, 20% held out for testing
 *   model:   2 → Dense(hidden) → ReLU → Dense(hidden) → ReLU → Dense(classes), trained with softmax cross-entropy on the logits
 *            (SoftmaxCrossEntropy), He-normal weights, zero biases, Adam
 *   trains:  mini-batches; the last 10% of the (shuffled) training rows are validation data, reported as
 *            val_loss and val_accuracy (the test rows are never looked at until the end)
 *   output:  the model summary, progress (a bar on a terminal, a line every --log-every epochs otherwise),
 *            the final train and test accuracy; --plot DIR adds loss.png and decision-boundary.png
 * </pre>
 * The last line is {@code test accuracy: 0.xxxx}.
 */
@Command(name = "spirals", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trains a softmax classifier on interleaved spirals and prints its test accuracy.")
public final class SpiralsCommand implements Callable<Integer> {

    @Option(names = "--classes", defaultValue = "3", description = "Number of spiral arms (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--points", defaultValue = "200", description = "Points per arm (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--noise", defaultValue = "0.1", description = "Standard deviation of the angle noise (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--hidden", defaultValue = "32", description = "Units in each of the two hidden layers (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--batch-size", defaultValue = "32", description = "Samples per mini-batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    private TrainingOptions training = new TrainingOptions(1, 200, 0.01);

    @Mixin
    private ProgressOptions progress = new ProgressOptions(50);

    @Mixin
    private PlotOptions plot = new PlotOptions();

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public SpiralsCommand() {
        this(System.out, System.err);
    }

    SpiralsCommand(PrintStream out) {
        this(out, System.err);
    }

    SpiralsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Refuses bad options before anything is computed, each refusal naming the one option that is wrong. */
    private void check() {
        training.check();
        progress.check();
        atLeast("--classes", classes, 2);
        atLeast("--points", points, 5);
        atLeast("--hidden", hidden, 1);
        atLeast("--batch-size", batchSize, 1);
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("--noise must be 0 or a positive number, got " + noise);
        }
        plot.directory().ifPresent(dir -> OutputPaths.checkDirectory("--plot", dir));
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
        }
    }

    @Override
    public Integer call() throws IOException {
        long seed = training.seed();
        int epochs = training.epochs();
        double learningRate = training.learningRate();
        check();
        NumpyRandom random = new NumpyRandom(seed);
        Dataset data = TeachingSets.spirals(points, classes, noise, random);
        Dataset.Split split = data.split(0.2, random);
        out.println("Spirals: " + classes + " arms, " + data.rows() + " points (" + split.train().rows()
                + " train, " + split.test().rows() + " test), noise " + noise);

        Sequential model = Sequential.builder()
                .input(2)
                .dense(hidden).activation(new Relu())
                .dense(hidden).activation(new Relu())
                .dense(classes)
                .loss(new SoftmaxCrossEntropy())
                .optimizer(new Adam(learningRate))
                .weightInitializer(new HeNormal())
                .biasInitializer(new Zeros())
                .random(random)
                .build();
        out.print(model.summary());

        TrainingHistory history;
        List<TrainingListener> shown = progress.listeners(out, epochs);
        try (Interruption interruption = Interruption.install(out, err, "spirals", null, 0, shown)) {
            history = model.fit(split.train().inputs(), split.train().targets(),
                    TrainingConfig.builder().epochs(epochs).batchSize(batchSize).metric(new Accuracy())
                            .validationSplit(0.1).listeners(shown)
                            .listener(new StopOnNaN()).listener(interruption).build());
        }
        if (TrainingEnds.reportStop(err, "spirals", history, model)) {
            return TrainingEnds.DIVERGED;
        }
        Accuracy accuracy = new Accuracy();
        double train = accuracy.value(model.predict(split.train().inputs()), split.train().targets());
        double test = accuracy.value(model.predict(split.test().inputs()), split.test().targets());
        out.println("epochs trained: " + history.epochs() + ", final training loss: "
                + Decimals.fixed(history.finalLoss(), 4));
        out.println("train accuracy: " + Decimals.fixed(train, 4));
        out.println("test accuracy: " + Decimals.fixed(test, 4));
        if (plot.directory().isPresent()) {
            String title = "spirals, " + classes + " arms, seed " + seed;
            for (Path file : TrainingPictures.write(plot.directory().get(), title, plot.logScale(), history, model,
                    split.train().inputs(), split.train().targets())) {
                out.println("Wrote " + file);
            }
        }
        return 0;
    }
}
