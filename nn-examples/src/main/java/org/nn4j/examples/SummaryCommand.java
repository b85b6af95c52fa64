package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Prints what a saved model holds: {@link Sequential#summary()} (its layers with their output shapes and parameter
 * counts, the loss and the optimizer), then whether the file holds optimizer state and a training section.
 * <pre>
 *   $ java -jar nn-examples/target/nn-examples.jar summary xor.json
 *   File: xor.json
 *   Model: Sequential, 4 layers
 *   Layer (type)      Output shape   Params
 *   ...
 * </pre>
 * A file that cannot be read or is not a model prints one line on standard error and exits with status 2.
 */
@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Prints a saved model's layers, output shapes and parameter counts.")
public final class SummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A model saved as JSON (xor --save FILE).")
    Path file;

    private final PrintStream out;
    private final PrintStream err;

    /** Writes to standard output and standard error. */
    public SummaryCommand() {
        this(System.out, System.err);
    }

    SummaryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Checkpoint checkpoint;
        try {
            checkpoint = ModelFormat.standard().loadCheckpoint(file);
        } catch (IOException e) {
            return ModelFiles.reportBadFile(err, "summary", file, e);
        }
        Sequential model = checkpoint.model();
        out.println("File: " + file);
        out.print(model.summary());
        out.println("Optimizer state: " + (model.optimizer().state().isEmpty() ? "none"
                : model.optimizer().state().size() + " matrices"));
        out.println("Training section: " + checkpoint.training()
                .map(t -> t.epochsCompleted() + " epochs completed, generator state saved")
                .orElse("none"));
        return 0;
    }
}
