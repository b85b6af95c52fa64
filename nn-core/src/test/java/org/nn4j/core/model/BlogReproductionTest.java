package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * The blog's run, against numpy's full-precision numbers. The expected values were printed by the blog's program
 * (seed 42, uniform(-1, 1), rate 0.1, 1000 epochs) with {@code repr()}; see the README's reference section.
 */
class BlogReproductionTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    @Test
    void initialWeightsAreNumpysDrawsInTheBlogsOrder() {
        Sequential model = BlogNetwork.create();
        Dense first = (Dense) model.layers().get(0);
        Dense second = (Dense) model.layers().get(2);
        assertEquals(Matrix.fromRowMajor(2, 4, -0.250919762305275, 0.9014286128198323, 0.4639878836228102,
                0.1973169683940732, -0.687962719115127, -0.6880109593275947, -0.8838327756636011,
                0.7323522915498704), first.weights().value());
        // b2 is the 17th and last draw: w1 (8), w2 (4), b1 (4), b2 (1).
        assertEquals(-0.39151551408092455, second.bias().value().get(0, 0));
    }

    @Test
    void lossesAndPredictionsMatchNumpy() {
        double[] numpyLosses = {0.25221899764405625, 0.2511189419156392, 0.25021179720224485, 0.24938062882728063,
            0.24854413822258847, 0.24763399887389415, 0.24658235686897567, 0.24531266948478436,
            0.24373262610834545, 0.24172947784150195};
        Sequential model = BlogNetwork.create();
        TrainingHistory history = model.fit(X, Y, 1000);
        for (int i = 0; i < numpyLosses.length; i++) {
            assertEquals(numpyLosses[i], history.loss().get(i * 100), 1e-13, "loss at epoch " + i * 100);
        }
        double[] numpyPredictions = {0.4810257801381794, 0.47060126966836685, 0.5532929609987679,
            0.495460771963372};
        Matrix predictions = model.predict(X);
        for (int i = 0; i < 4; i++) {
            assertEquals(numpyPredictions[i], predictions.get(i, 0), 1e-13, "prediction " + i);
        }
        double[] numpyW1 = {-0.3143631252501389, 1.2311554454568234, 0.12132681096291321, -0.08812122137476458,
            -0.6909150040592184, -1.5616712849430079, -0.5715000842211185, 0.6690965973915635};
        Matrix w1 = ((Dense) model.layers().get(0)).weights().value();
        for (int i = 0; i < numpyW1.length; i++) {
            assertEquals(numpyW1[i], w1.getFlat(i), 1e-13, "trained w1 element " + i);
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalTrainingTwiceInARow() {
        List<Matrix> first = trainedWeights(42);
        List<Matrix> second = trainedWeights(42);
        assertEquals(first, second);
        assertNotEquals(first, trainedWeights(43));
    }

    @Test
    void epochLossIsTheLossBeforeThatEpochsUpdate() {
        List<Double> seen = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                seen.add(event.loss());
            }
        };
        Sequential model = BlogNetwork.create();
        double before = new MeanSquaredError().value(model.predict(X), Y);
        model.fit(X, Y, 1, recorder);
        assertEquals(List.of(before), seen);
    }

    private static List<Matrix> trainedWeights(long seed) {
        Sequential model = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(1)
                .activation(new Sigmoid()).loss(new MeanSquaredError()).optimizer(new Sgd(0.5)).seed(seed).build();
        model.fit(X, Y, TrainingConfig.builder().epochs(300).batchSize(2).build());
        List<Matrix> weights = new ArrayList<>();
        model.parameters().values().forEach(p -> weights.add(p.value().copy()));
        return weights;
    }
}
