package org.nn4j.io.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.io.Checkpoint;
import org.nn4j.io.ModelFormat;

/**
 * The program {@link KillTest} starts in a child JVM and kills: it resumes from the newest checkpoint in a
 * directory (or starts fresh), prints {@code FRESH} or {@code RESUMED <epochs>}, and trains "forever" with a
 * checkpoint after every epoch, until it is killed.
 */
public final class TrainingChild {

    /** Epochs the child is asked to train: far more than it reaches before it is killed. */
    static final int EPOCHS = 1_000_000;
    private static final ModelFormat FORMAT = ModelFormat.standard();

    private TrainingChild() {
    }

    /** The model, built fresh from seed 5. */
    static Sequential model() {
        return Sequential.builder().input(8).dense(24).activation(new Sigmoid()).dense(24).activation(new Sigmoid())
                .dense(4).loss(new MeanSquaredError()).optimizer(new Adam(0.001)).seed(5).build();
    }

    /** Inputs (index 0) and targets (index 1), drawn from seed 1. */
    static Matrix[] data() {
        NumpyRandom random = new NumpyRandom(1);
        Matrix x = Matrix.zeros(256, 8);
        Matrix y = Matrix.zeros(256, 4);
        for (int i = 0; i < x.size(); i++) {
            x.setFlat(i, random.uniform(-1, 1));
        }
        for (int i = 0; i < y.size(); i++) {
            y.setFlat(i, random.nextDouble());
        }
        return new Matrix[] {x, y};
    }

    /** The configuration both the child and the in-process replay train with. */
    static TrainingConfig.Builder config(int epochs, int initialEpoch) {
        return TrainingConfig.builder().epochs(epochs).initialEpoch(initialEpoch).batchSize(32);
    }

    /**
     * @param args the checkpoint directory
     * @throws IOException if a checkpoint cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Sequential model;
        int done = 0;
        Optional<Path> newest = Checkpoints.newest(directory);
        if (newest.isPresent()) {
            Checkpoint checkpoint = FORMAT.loadCheckpoint(newest.get());
            model = checkpoint.model();
            done = Checkpoints.epochsCompleted(checkpoint);
            System.out.println("RESUMED " + done);
        } else {
            model = model();
            System.out.println("FRESH");
        }
        System.out.flush();
        Matrix[] data = data();
        model.fit(data[0], data[1], config(EPOCHS, done)
                .listener(CheckpointListener.of(model, directory).format(FORMAT).every(1).keep(3)).build());
    }
}
