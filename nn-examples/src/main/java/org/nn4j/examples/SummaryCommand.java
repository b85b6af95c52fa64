package org.nn4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nn4j.api.Layer;
import org.nn4j.api.Parameter;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Prints what a saved model holds: its layers with their output shapes and parameter counts, the loss, the
 * optimizer and whether the file can resume training.
 * <pre>
 *   $ java -jar nn-examples/target/nn-examples.jar summary xor.json
 *   Model: xor.json
 *   #  Layer        Output shape  Parameters
 *   -  input        n×2
 *   0  Dense(2→4)   n×4           12  (weights 2×4, bias 1×4)
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
        out.println("Model: " + file);
        String row = "%-3s %-22s %-13s %s%n";
        out.printf(row, "#", "Layer", "Output shape", "Parameters");
        out.printf(row, "-", "input", "n×" + model.inputSize(), "");
        int size = model.inputSize();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            size = layer.outputSize(size);
            out.printf(row, i, layer.describe(), "n×" + size, parameters(layer));
        }
        out.println("Total parameters: " + model.parameterCount());
        out.println("Loss: " + model.loss().describe());
        out.println("Optimizer: " + model.optimizer().describe() + ", state: "
                + (model.optimizer().state().isEmpty() ? "none" : model.optimizer().state().size() + " matrices"));
        out.println("Training section: " + checkpoint.training()
                .map(t -> t.epochsCompleted() + " epochs completed, generator state saved")
                .orElse("none"));
        return 0;
    }

    private static String parameters(Layer layer) {
        long count = 0;
        StringBuilder shapes = new StringBuilder();
        for (Parameter p : layer.parameters()) {
            count += p.value().size();
            shapes.append(shapes.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(p.value().shape());
        }
        return shapes.length() == 0 ? "0" : count + "  (" + shapes + ")";
    }
}
