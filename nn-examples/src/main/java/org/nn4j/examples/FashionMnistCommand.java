package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.data.LabelledImages;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.core.text.Decimals;
import org.nn4j.core.training.StopOnNaN;
import org.nn4j.examples.cli.Interruption;
import org.nn4j.examples.cli.OutputPaths;
import org.nn4j.examples.cli.PlotOptions;
import org.nn4j.examples.cli.ProgressOptions;
import org.nn4j.examples.cli.TrainingEnds;
import org.nn4j.examples.cli.TrainingOptions;
import org.nn4j.examples.fashion.Evaluation;
import org.nn4j.examples.fashion.FashionMnist;
import org.nn4j.examples.fashion.FashionModels;
import org.nn4j.examples.fashion.FashionPictures;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains an image classifier on Fashion-MNIST, the first real data set: 60,000 photos of clothing, 28×28 grey
 * pixels, ten classes.
 * <pre>
 *   data:    the four IDX files in --data (default /usr/share/datasets/fashion-mnist, from Debian's
 *            dataset-fashion-mnist package), kept as bytes; each batch becomes doubles in [0, 1] when it is trained
 *   model:   --model mlp   Flatten → Dense(128, relu) → Dense(10), Adam, batch 32 (TensorFlow's beginner tutorial)
 *            --model cnn   Conv2D(32, 3×3, relu) → MaxPool(2×2) → Conv2D(64, 3×3, relu) → MaxPool(2×2) → Flatten
 *                          → Dropout(0.5) → Dense(10), Adam, batch 128 (Keras' simple MNIST convnet)
 *            softmax cross-entropy on the logits; the 10,000 test images are looked at only at the end
 *   output:  the summary, progress, the final training loss and {@code test accuracy: 0.xxxx}; --save FILE writes
 *            the model with its class names (predict
 *            takes rows of 784 pixels in [0, 1], row by row); --plot DIR writes loss.png,
 *            confusion-matrix.png, test-images.png and, for the CNN, filters.png
 * </pre>
 */
@Command(name = "fashion-mnist", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Trains an image classifier on Fashion-MNIST and prints its test accuracy.")
public final class FashionMnistCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "mlp|cnn", defaultValue = "mlp",
            description = "mlp (Flatten, Dense(128, relu), Dense(10)) or cnn (two convolution blocks, dropout, Dense(10)); default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = FashionMnist.DEBIAN_DIRECTORY,
            description = "The directory with the four IDX files (default: ${DEFAULT-VALUE}, from `apt-get install dataset-fashion-mnist`).")
    Path data;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Samples per mini-batch (default: 32 for mlp, 128 for cnn).")
    Integer batchSize;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model as JSON (for predict).")
    Path saveTo;

    @Mixin
    private TrainingOptions training = new TrainingOptions(42, 10, 0.001);

    @Mixin
    private ProgressOptions progress = new ProgressOptions(1);

    @Mixin
    private PlotOptions plot = new PlotOptions();

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public FashionMnistCommand() {
        this(System.out, System.err);
    }

    FashionMnistCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private FashionModels.Kind kind() {
        try {
            return FashionModels.Kind.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--model must be mlp or cnn, got " + model, e);
        }
    }

    /** Refuses bad options before anything is read, each refusal naming the one option that is wrong. */
    private void check() {
        training.check();
        progress.check();
        kind();
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory; install the data set with"
                    + " `sudo apt-get install dataset-fashion-mnist` (it goes to " + FashionMnist.DEBIAN_DIRECTORY
                    + ")");
        }
        if (saveTo != null) {
            OutputPaths.checkFile("--save", saveTo);
        }
        plot.directory().ifPresent(dir -> OutputPaths.checkDirectory("--plot", dir));
    }

    @Override
    public Integer call() throws IOException {
        check();
        long start = System.nanoTime();
        FashionModels.Kind kind = kind();
        int batch = batchSize != null ? batchSize : kind.batchSize();
        FashionMnist set = FashionMnist.read(data);
        LabelledImages train = set.train();
        out.println("Fashion-MNIST: " + train.rows() + " training and " + set.test().rows() + " test images of "
                + train.height() + "×" + train.width() + " from " + data + ", kept as "
                + (train.rows() + set.test().rows()) * train.inputColumns() / 1_000_000 + " MB of bytes");
        NumpyRandom random = new NumpyRandom(training.seed());
        Sequential net = FashionModels.build(kind, training.learningRate(), random,
                ModelNames.of(List.of(), FashionMnist.CLASS_NAMES));
        out.print(net.summary());

        TrainingHistory history;
        int epochs = training.epochs();
        List<TrainingListener> shown = progress.listeners(out, epochs);
        long trainingStart = System.nanoTime();
        try (Interruption interruption = Interruption.install(out, err, "fashion-mnist", null, 0, shown)) {
            history = net.fit(train, TrainingConfig.builder().epochs(epochs).batchSize(batch)
                    .metric(new Accuracy()).listeners(shown)
                    .listener(new StopOnNaN()).listener(interruption).build());
        }
        if (TrainingEnds.reportStop(err, "fashion-mnist", history, net)) {
            return TrainingEnds.DIVERGED;
        }
        long trainingEnd = System.nanoTime();
        Evaluation test = Evaluation.of(net, set.test());
        double trainingSeconds = (trainingEnd - trainingStart) / 1e9;
        out.printf(Locale.ROOT, "time: %.2f s in all, %.2f s per epoch%n", (System.nanoTime() - start) / 1e9,
                trainingSeconds / Math.max(1, history.epochs()));
        out.println("epochs trained: " + history.epochs() + ", final training loss: "
                + Decimals.fixed(history.finalLoss(), 4));
        out.println("test accuracy: " + Decimals.fixed(test.accuracy(), 4));
        List<String> after = new ArrayList<>();
        if (saveTo != null) {
            try {
                ModelFormat.standard().save(net, saveTo);
            } catch (IOException e) {
                return ModelFiles.reportBadFile(err, "fashion-mnist", saveTo, e);
            }
            after.add("Saved the model to " + saveTo + " (predict takes rows of 784 pixels in [0, 1])");
        }
        if (plot.directory().isPresent()) {
            String title = "Fashion-MNIST, " + model.toLowerCase(Locale.ROOT) + ", seed " + training.seed();
            for (Path file : FashionPictures.write(plot.directory().get(), title, plot.logScale(), history, net,
                    set.test(), test)) {
                after.add("Wrote " + file);
            }
        }
        after.forEach(out::println);
        return 0;
    }
}
