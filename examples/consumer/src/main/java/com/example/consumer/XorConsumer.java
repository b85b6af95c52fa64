package com.example.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.training.LossLogger;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TypeRegistry;

/**
 * Uses nn4j from outside its build: trains XOR with the builder, a custom activation (Softsign) and a custom listener
 * (EpochRecorder), saves the model, loads it and predicts, and checks the numbers. Exits with status 1, naming the
 * check, when one fails; prints "consumer: all checks passed" when none does.
 */
public final class XorConsumer {

    private static final int EPOCHS = 1000;

    private XorConsumer() {
    }

    /**
     * Trains, saves, loads and predicts, checking each result; exits with status 1 at the first check that fails.
     *
     * @param args ignored
     * @throws Exception if the model cannot be saved or loaded
     */
    public static void main(String[] args) throws Exception {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential model = Sequential.builder()
                .input(2)
                .dense(4).activation(new Softsign())
                .dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError())
                .optimizer(new Adam(0.05))
                .seed(42)
                .build();
        EpochRecorder recorder = new EpochRecorder();
        TrainingHistory history = model.fit(x, y, TrainingConfig.builder()
                .epochs(EPOCHS)
                .listener(new LossLogger(250))   // its lines reach standard error through slf4j-simple
                .listener(recorder)
                .build());

        List<Double> losses = recorder.losses();
        check(losses.size() == EPOCHS, "expected the listener to see " + EPOCHS + " epochs, it saw " + losses.size());
        check(losses.get(EPOCHS - 1) == history.finalLoss(),
                "expected the listener's last loss " + losses.get(EPOCHS - 1) + " to equal the history's " + history.finalLoss());
        check(history.finalLoss() < 0.01, "expected a final loss below 0.01, got " + history.finalLoss());

        double[] before = model.predict(x).toRowMajorArray();
        double[] expected = {0, 1, 1, 0};
        for (int i = 0; i < expected.length; i++) {
            check(Math.abs(before[i] - expected[i]) < 0.2,
                    "expected prediction " + i + " within 0.2 of " + expected[i] + ", got " + before[i]);
        }

        ModelFormat format = ModelFormat.of(TypeRegistry.builder()
                .activation("softsign", Softsign.class, Softsign::new)
                .build());
        Path dir = Files.createTempDirectory("nn4j-consumer");
        Path file = dir.resolve("xor.json");
        format.save(model, file);
        Sequential loaded = format.load(file);
        double[] after = loaded.predict(x).toRowMajorArray();
        check(Arrays.equals(before, after),
                "expected the predictions after loading " + Arrays.toString(after) + " to equal those before " + Arrays.toString(before));
        check(Files.readString(file).contains("\"softsign\""), "expected the saved file " + file + " to name the custom activation \"softsign\"");
        Files.delete(file);
        Files.delete(dir);

        System.out.println("epochs: " + losses.size() + ", final loss: " + history.finalLoss());
        System.out.println("predictions (before saving = after loading): " + Arrays.toString(after));
        System.out.println("consumer: all checks passed");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("consumer: check failed: " + what);
            System.exit(1);
        }
    }
}
