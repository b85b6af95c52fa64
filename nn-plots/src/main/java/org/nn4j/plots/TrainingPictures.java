package org.nn4j.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingHistory;

/** What {@code --plot DIR} writes after training: {@code loss.png} always, {@code decision-boundary.png} for 2-D inputs. */
public final class TrainingPictures {

    /** The loss curve's file name. */
    public static final String LOSS = "loss.png";
    /** The decision boundary's file name. */
    public static final String DECISION_BOUNDARY = "decision-boundary.png";

    private TrainingPictures() {
    }

    /**
     * Writes the pictures of one training run.
     *
     * @param directory where to write them; created if missing
     * @param title what the run was, for the charts' titles (such as {@code XOR, seed 42, rate 0.2})
     * @param logScale whether the loss axis is logarithmic
     * @param history what training measured
     * @param model the trained model
     * @param inputs the training inputs
     * @param targets the training targets
     * @return the files written, in order
     * @throws IOException if the directory or a file cannot be written
     */
    public static List<Path> write(Path directory, String title, boolean logScale, TrainingHistory history,
            Sequential model, Matrix inputs, Matrix targets) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Path loss = directory.resolve(LOSS);
        LossPlot.write(history, "Loss: " + title, logScale, loss);
        written.add(loss);
        if (model.inputSize() == 2) {
            Path boundary = directory.resolve(DECISION_BOUNDARY);
            DecisionBoundaryPlot.write(model, inputs, targets, "Model output: " + title, boundary);
            written.add(boundary);
        }
        return List.copyOf(written);
    }
}
