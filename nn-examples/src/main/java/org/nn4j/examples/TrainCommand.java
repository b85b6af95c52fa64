package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nn4j.api.Activation;
import org.nn4j.api.Optimizer;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.data.ClassificationData;
import org.nn4j.core.data.CsvLoader;
import org.nn4j.core.data.CsvTable;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.model.ModelNames;
import org.nn4j.examples.cli.CsvInput;
import org.nn4j.examples.cli.Interruption;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.examples.cli.TrainingEnds;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.HeNormal;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.SequentialBuilder;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingException;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.core.text.Decimals;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.checkpoint.CheckpointListener;
import org.nn4j.io.checkpoint.Checkpoints;
import org.nn4j.examples.cli.PlotOptions;
import org.nn4j.examples.cli.ProgressOptions;
import org.nn4j.examples.cli.TrainingOptions;
import org.nn4j.plots.TrainingPictures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a classifier on a user's CSV file and saves a model that can be handed to someone else.
 *
 * <pre>
 *   data:    CsvLoader: header, numeric features, the --label column as classes (one-hot), rows shuffled with
 *            --seed, --test-fraction held out; a label with more than 100 distinct values, or more than half as
 *            many as rows, looks continuous and is refused; --data - reads standard input
 *   model:   Standardize (adapted to the training rows) → [Dense(h) → activation] for each h in --hidden →
 *            Dense(classes), trained with softmax cross-entropy on the logits; named with the CSV's feature
 *            names and the class labels (ModelNames)
 *   trains:  the chosen --optimizer, mini-batches of --batch-size; the last --validation-split (default 0.1) of
 *            the shuffled training rows are validation data, as the Data line says (the test rows are only used
 *            at the end); a NaN or infinite loss stops training with one line on standard error and status 3
 *   output:  the model summary, progress (a bar on a terminal; otherwise a line every --log-every epochs),
 *            then "train accuracy: x (a of n rows)" and "test accuracy: y (b of m rows)";
 *            --plot DIR adds loss.png (and decision-boundary.png for two features)
 *   resume:  --checkpoint-dir DIR writes a checkpoint every --checkpoint-every epochs and at the end (keeping
 *            the newest 3); --resume continues from the newest one: the same data options, seed and --epochs
 *            give the same weights and output as a run never stopped; without --resume a directory that
 *            already holds checkpoints is refused (it belongs to another run)
 * </pre>
 * {@code --save FILE} writes the trained model as nn4j JSON with its standardisation, feature names and class
 * labels, so that {@code predict} on the raw CSV scores exactly what train reported. Every option is checked
 * before the data is read, each refusal naming the one wrong option, and every output path ({@code --save},
 * {@code --plot}, {@code --checkpoint-dir}) is checked before training ({@link OutputPaths}). A malformed CSV
 * file ends the command with status 2 and one line naming file, line and column; Ctrl-C ends it with one line
 * saying where training stopped, and status 130.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trains a classifier on a CSV file and prints its train and test accuracy.")
public final class TrainCommand implements Callable<Integer> {

    /** The optimizers the command offers. */
    enum OptimizerChoice { sgd, momentum, nesterov, adam }

    /** The hidden activations the command offers. */
    enum ActivationChoice { relu, tanh, sigmoid }

    @Option(names = "--data", required = true, description = "The CSV file (a header line, then one sample per line); - for standard input.")
    Path data;

    @Option(names = "--label", required = true, description = "The header name of the class column.")
    String label;

    @Option(names = "--hidden", split = ",", defaultValue = "16", description = "Hidden layer sizes, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ActivationChoice activation;

    @Option(names = "--batch-size", defaultValue = "32", description = "Samples per mini-batch; 0 for full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--optimizer", defaultValue = "adam", description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OptimizerChoice optimizer;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Momentum for momentum and nesterov (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Fraction of rows held out for testing (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Mixin
    private TrainingOptions training = new TrainingOptions(1, 50, 0.01);

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction of the training rows (the last ones after shuffling) used for validation, 0 for none (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model as JSON.")
    Path saveTo;

    @Mixin
    private ProgressOptions progress = new ProgressOptions(10);

    @Mixin
    private PlotOptions plot = new PlotOptions();

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Write checkpoints (model, optimizer state, epoch, generator) into DIR, keeping the newest 3.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", defaultValue = "1", description = "Epochs between checkpoints; one is also written at the end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in --checkpoint-dir; give the same data options and seed as the run that wrote it.")
    boolean resume;

    /** The most classes train accepts: more looks like a continuous label (a regression target). */
    static final int MAX_CLASSES = 100;

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public TrainCommand() {
        this(System.out, System.err);
    }

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        check();
        NumpyRandom random = new NumpyRandom(training.seed());
        ClassificationData set;
        try {
            CsvTable table = CsvInput.read(data, label, System.in);
            set = new CsvLoader(label).testFraction(testFraction).standardize(false)
                    .load(table, CsvInput.name(data), random);
        } catch (IOException e) {
            err.println("nn4j train: " + e.getMessage());   // CsvInput names the file and says what is wrong
            return 2;
        } catch (IllegalArgumentException e) {   // a malformed CSV (CsvFormatException) or too few classes or rows
            err.println("nn4j train: " + e.getMessage());
            return 2;
        }
        checkClasses(set);
        int trainRows = set.train().rows();
        out.println("Data: " + CsvInput.name(data) + ": " + set.featureNames().size() + " features, classes "
                + set.classNames() + ", " + trainRows + " train rows (the last " + validationRows(trainRows)
                + " of them for validation, --validation-split " + validationSplit + "), " + set.test().rows()
                + " test rows (--test-fraction " + testFraction + ")");

        Sequential model;
        int done = 0;
        if (resume) {
            Optional<Checkpoint> checkpoint = ResumePoint.newest(checkpointDir, set.featureNames().size(),
                    set.classNames().size(), out, err);
            if (checkpoint.isEmpty()) {
                return 2;
            }
            model = checkpoint.get().model();
            done = Checkpoints.epochsCompleted(checkpoint.get());
        } else {
            model = model(set, random);
        }
        out.print(model.summary());
        TrainingHistory history;
        List<TrainingListener> shown = progress.listeners(out, training.epochs());
        try (Interruption interruption = Interruption.install(out, err, "train", checkpointDir, done, shown)) {
            history = fit(model, set, done, shown, interruption);
        } catch (TrainingException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                err.println("nn4j train: " + io.getMessage());   // a checkpoint that cannot be written
                return 2;
            }
            throw e;
        }
        if (TrainingEnds.reportStop(err, "train", history, model)) {
            return TrainingEnds.DIVERGED;
        }
        return report(model, set, history);
    }

    /** Refuses bad options before any data is read, each refusal naming the one option that is wrong. */
    private void check() {
        training.check();
        progress.check();
        if (batchSize < 0) {
            throw new IllegalArgumentException("--batch-size must be 0 (full batch) or more, got " + batchSize);
        }
        if (hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("--hidden sizes must be at least 1, got " + hidden);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 1, got " + checkpointEvery);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("--validation-split must be at least 0 and below 1, got "
                    + validationSplit);
        }
        if (resume && checkpointDir == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint-dir");
        }
        if (saveTo != null) {
            OutputPaths.checkFile("--save", saveTo);
        }
        plot.directory().ifPresent(dir -> OutputPaths.checkDirectory("--plot", dir));
        if (checkpointDir != null) {
            OutputPaths.checkDirectory("--checkpoint-dir", checkpointDir);
            checkFreshCheckpointDirectory();
        }
    }

    /**
     * A fresh run (no --resume) into a directory holding another run's checkpoints would prune its own new files
     * among the old ones and leave --resume to continue the old model: refused, naming the newest old file.
     */
    private void checkFreshCheckpointDirectory() {
        if (resume) {
            return;
        }
        List<Path> existing;
        try {
            existing = Checkpoints.list(checkpointDir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--checkpoint-dir " + checkpointDir + ": cannot list it: "
                    + e.getMessage(), e);
        }
        if (!existing.isEmpty()) {
            throw new IllegalArgumentException("--checkpoint-dir " + checkpointDir + " already holds "
                    + existing.size() + " checkpoint(s) of an earlier run (newest " + existing.get(existing.size() - 1).getFileName()
                    + "); add --resume to continue that run, or give a new or empty directory");
        }
    }

    /** A label with as many values as a measurement has is a regression target: training 43 classes helps nobody. */
    private void checkClasses(ClassificationData set) {
        int classes = set.classNames().size();
        int rows = set.train().rows() + set.test().rows();
        if (classes > MAX_CLASSES || classes > rows / 2) {
            throw new IllegalArgumentException("--label " + label + ": " + classes + " distinct values in " + rows
                    + " rows looks continuous, not like classes (train classifies: at most " + MAX_CLASSES
                    + " classes and at most half as many as rows)");
        }
    }

    private int validationRows(int trainRows) {
        return trainRows - (int) Math.floor(trainRows * (1 - validationSplit));
    }

    private TrainingHistory fit(Sequential model, ClassificationData set, int done, List<TrainingListener> shown,
            Interruption interruption) {
        int epochs = training.epochs();
        TrainingConfig.Builder config = TrainingConfig.builder()
                .epochs(epochs).initialEpoch(Math.min(done, epochs)).batchSize(batchSize).metric(new Accuracy())
                .validationSplit(validationSplit)
                .listeners(shown).listener(new StopOnNaN()).listener(interruption);
        if (checkpointDir != null && done < epochs) {
            config.listener(CheckpointListener.of(model, checkpointDir).every(checkpointEvery));
        }
        return model.fit(set.train().inputs(), set.train().targets(), config.build());
    }

    /** Prints the accuracies (with the counts, so that predict's can be compared row for row), saves and plots. */
    private int report(Sequential model, ClassificationData set, TrainingHistory history) throws IOException {
        out.println("train accuracy: " + accuracy(model, set.train()));
        out.println("test accuracy: " + accuracy(model, set.test()));
        if (saveTo != null) {
            try {
                ModelFormat.standard().save(model, saveTo);
            } catch (IOException e) {
                return ModelFiles.reportBadFile(err, "train", saveTo, e);
            }
            out.println("Saved the model to " + saveTo + " (with its standardisation, feature names and class"
                    + " labels: predict takes the raw CSV).");
        }
        if (plot.directory().isPresent() && history.epochs() > 0) {
            String title = CsvInput.name(data) + ", seed " + training.seed();
            for (Path file : TrainingPictures.write(plot.directory().get(), title, plot.logScale(), history, model,
                    set.train().inputs(), set.train().targets())) {
                out.println("Wrote " + file);
            }
        }
        return 0;
    }

    /** {@code 0.9667 (29 of 30 rows)}. */
    private static String accuracy(Sequential model, Dataset rows) {
        int correct = Accuracy.correct(model.predict(rows.inputs()), rows.targets());
        return Decimals.fixed((double) correct / rows.rows(), 4) + " (" + correct + " of " + rows.rows() + " rows)";
    }

    /** Standardize (adapted to the training rows), the hidden layers, then one logit per class; named. */
    private Sequential model(ClassificationData set, NumpyRandom random) {
        SequentialBuilder builder = Sequential.builder().input(set.featureNames().size())
                .layer(Standardize.adaptedTo(set.train().inputs()));
        for (int units : hidden) {
            builder.dense(units).activation(hiddenActivation());
        }
        return builder.dense(set.classNames().size())
                .names(ModelNames.of(set.featureNames(), set.classNames()))
                .loss(new SoftmaxCrossEntropy())
                .optimizer(optimizer())
                .weightInitializer(activation == ActivationChoice.relu ? new HeNormal() : new GlorotUniform())
                .biasInitializer(new Zeros())
                .random(random)
                .build();
    }

    private Activation hiddenActivation() {
        return switch (activation) {
            case relu -> new Relu();
            case tanh -> new Tanh();
            case sigmoid -> new Sigmoid();
        };
    }

    private Optimizer optimizer() {
        return switch (optimizer) {
            case sgd -> new Sgd(training.learningRate());
            case momentum -> Momentum.classical(training.learningRate(), momentum);
            case nesterov -> Momentum.nesterov(training.learningRate(), momentum);
            case adam -> new Adam(training.learningRate());
        };
    }
}
