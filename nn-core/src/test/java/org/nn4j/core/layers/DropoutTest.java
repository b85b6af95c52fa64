package org.nn4j.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.FixedTraining;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

class DropoutTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    @Test
    void predictingIsTheIdentity() {
        Dropout d = new Dropout(0.5);
        assertSame(X, d.forward(X));
        assertSame(Y, d.backward(X, X, Y));
        assertEquals(Shape.of(1, 4, 4), d.outputShape(Shape.of(1, 4, 4)));
    }

    @Test
    void trainingDropsWithTheModelsGeneratorAndBackPropagatesThroughTheSameMask() {
        // A fixed input of ones through Dropout(0.5): the mask is (u ≥ 0.5)·2 for the model generator's uniforms.
        Matrix ones = Matrix.filled(3, 4, 1.0);
        var training = new FixedTraining(5);
        Matrix out = new Dropout(0.5).forward(ones, training);
        NumpyRandom same = new NumpyRandom(5);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(same.nextDouble() >= 0.5 ? 2.0 : 0.0, out.getFlat(i));
        }
        Matrix g = new Dropout(0.5).backward(ones, out, Matrix.filled(3, 4, 3.0), training);
        assertEquals(out.scale(3.0), g);
    }

    @Test
    void theSameSeedTrainsTheSameBitsAndDropoutChangesTraining() {
        assertEquals(train(0.5, 11), train(0.5, 11));
        assertTrue(!train(0.5, 11).equals(train(0.0, 11)));
    }

    @Test
    void afterAConvolutionItKeepsTheImageDropsOnlyWhileTrainingAndFollowsTheSeed() {
        Sequential model = convnet(0.5, 4);
        assertEquals(Shape.of(2, 3, 3), model.outputShape(1));
        // Predicting skips the dropout: the model's prediction is dense(flatten(conv(x))).
        Matrix images = Matrix.zeros(3, 16).map(v -> 0.0);
        for (int i = 0; i < images.size(); i++) {
            images.setFlat(i, (i * 7 % 11) / 10.0);
        }
        Matrix expected = model.layers().get(3).forward(model.layers().get(2).forward(
                model.layers().get(0).forward(images)));
        assertEquals(expected, model.predict(images));
        assertEquals(model.predict(images), model.predict(images));
        // Training draws the masks from the model's seed: the same seed trains the same bits, rate 0 differs.
        Matrix targets = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}});
        List<Double> first = losses(convnet(0.5, 4), images, targets);
        assertEquals(first, losses(convnet(0.5, 4), images, targets));
        assertTrue(!first.equals(losses(convnet(0.0, 4), images, targets)));
        assertTrue(!first.equals(losses(convnet(0.5, 5), images, targets)));
    }

    private static Sequential convnet(double rate, long seed) {
        return Sequential.builder().input(1, 4, 4).conv2d(2, 2).dropout(rate).flatten().dense(2)
                .loss(new org.nn4j.core.losses.SoftmaxCrossEntropy()).optimizer(new Sgd(0.1)).seed(seed).build();
    }

    private static List<Double> losses(Sequential model, Matrix x, Matrix y) {
        List<Double> losses = new java.util.ArrayList<>();
        model.fit(x, y, 5, new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                losses.add(event.loss());
            }
        });
        return losses;
    }

    @Test
    void rateOutsideZeroToOneIsRefused() {
        assertEquals("Dropout: rate must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0)).getMessage());
    }

    private static List<Double> train(double rate, long seed) {
        Sequential model = Sequential.builder().input(2).dense(8).activation(new Relu()).layer(new Dropout(rate))
                .dense(1).loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(seed).build();
        List<Double> losses = new java.util.ArrayList<>();
        model.fit(X, Y, 30, new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                losses.add(event.loss());
            }
        });
        return losses;
    }
}
