package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * What resuming needs from the training loop: with the parameters, the optimizer state and the generator state
 * of epoch k restored and {@code initialEpoch(k)}, training N − k more epochs ends bit-identical to N epochs in
 * one go, with the same losses and epoch numbers. (nn-io's checkpoint test does the same through files.)
 */
class ResumeTest {

    private static final int N = 12;
    private static final int K = 5;

    private static Sequential model(Optimizer optimizer) {
        return Sequential.builder().input(3).dense(5).activation(new Sigmoid()).dense(2).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(optimizer).seed(77).build();
    }

    private static Matrix data(int rows, int cols, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.nextDouble());
        }
        return m;
    }

    private static final Matrix X = data(23, 3, 1);
    private static final Matrix Y = data(23, 2, 2);
    private static final Matrix VX = data(7, 3, 3);
    private static final Matrix VY = data(7, 2, 4);

    /** Records the epoch numbers the events carry. */
    private static final class Epochs implements TrainingListener {
        final List<Integer> seen = new ArrayList<>();
        int endCount = -1;

        @Override
        public void onEpochEnd(EpochEnd event, TrainingControl control) {
            seen.add(event.epoch());
        }

        @Override
        public void onTrainingEnd(TrainingEnd event, TrainingControl control) {
            endCount = event.epochsCompleted();
        }
    }

    private static TrainingConfig config(int initialEpoch, Epochs epochs) {
        return TrainingConfig.builder().epochs(N).initialEpoch(initialEpoch).batchSize(4).validation(VX, VY)
                .listener(epochs).build();
    }

    @Test
    void kEpochsThenRestoredStateThenTheRestEqualsNEpochsInOneGoBitForBit() {
        Epochs oneGoEpochs = new Epochs();
        Sequential oneGo = model(new Sgd(0.7));
        TrainingHistory full = oneGo.fit(X, Y, config(0, oneGoEpochs));

        // First part: K epochs, then "save" what a checkpoint holds.
        Sequential first = model(new Sgd(0.7));
        TrainingHistory before = first.fit(X, Y, TrainingConfig.builder().epochs(K).batchSize(4)
                .validation(VX, VY).build());
        Map<String, Matrix> values = new LinkedHashMap<>();
        first.parameters().forEach((k, p) -> values.put(k, p.value().copy()));
        Map<String, Matrix> optimizerState = first.optimizer().state();
        NumpyRandom.State random = ((NumpyRandom) first.random()).state();

        // Second part: a different model object built from another seed, given the saved state.
        Sequential resumed = Sequential.builder().input(3).dense(5).activation(new Sigmoid()).dense(2)
                .activation(new Sigmoid()).loss(new MeanSquaredError()).optimizer(new Sgd(0.7)).seed(999).build();
        resumed.parameters().forEach((k, p) -> p.value().copyFromInPlace(values.get(k)));
        resumed.optimizer().restoreState(optimizerState);
        ((NumpyRandom) resumed.random()).restore(random);
        Epochs resumedEpochs = new Epochs();
        TrainingHistory after = resumed.fit(X, Y, config(K, resumedEpochs));

        resumed.parameters().forEach((k, p) -> assertEquals(oneGo.parameters().get(k).value(), p.value(), k));
        List<Double> joined = new ArrayList<>(before.loss());
        joined.addAll(after.loss());
        assertEquals(full.loss(), joined);
        List<Double> joinedVal = new ArrayList<>(before.metric("val_loss"));
        joinedVal.addAll(after.metric("val_loss"));
        assertEquals(full.metric("val_loss"), joinedVal);
        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11), resumedEpochs.seen);
        assertEquals(N, resumedEpochs.endCount);
        assertEquals(N, oneGoEpochs.endCount);
        assertEquals(N - K, after.epochs());
    }

    @Test
    void theShuffleOfAnEpochDependsOnlyOnTheGeneratorStateAtItsStart() {
        // Without restoring the generator, the resumed run shuffles differently and ends elsewhere: the state
        // the test above restores is what makes it exact.
        Sequential oneGo = model(new Sgd(0.7));
        oneGo.fit(X, Y, config(0, new Epochs()));
        Sequential first = model(new Sgd(0.7));
        first.fit(X, Y, TrainingConfig.builder().epochs(K).batchSize(4).build());
        Sequential resumed = model(new Sgd(0.7));
        resumed.parameters().forEach((k, p) -> p.value().copyFromInPlace(first.parameters().get(k).value()));
        resumed.fit(X, Y, config(K, new Epochs()));
        assertNotEquals(oneGo.parameters().get("layers[0].weights").value(),
                resumed.parameters().get("layers[0].weights").value());
    }

    @Test
    void theInitialEpochMustLieBetweenZeroAndEpochs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().epochs(3).initialEpoch(4).build());
        assertEquals("TrainingConfig: initial epoch must be between 0 and epochs (3), got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().epochs(3).initialEpoch(-1).build());
    }

    @Test
    void resumingAtTheLastEpochTrainsNothing() {
        Sequential model = model(new Sgd(0.7));
        Matrix before = model.predict(X);
        Epochs epochs = new Epochs();
        TrainingHistory history = model.fit(X, Y, config(N, epochs));
        assertEquals(0, history.epochs());
        assertEquals(before, model.predict(X));
        assertEquals(N, epochs.endCount);
    }
}
