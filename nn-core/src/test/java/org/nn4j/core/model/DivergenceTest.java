package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.training.StopOnNaN;

/**
 * Non-finite values at prediction and training time: {@code predict} refuses NaN and infinity by row and column,
 * and the trainer stops at the first step whose loss, layer output or parameter is not finite, naming where it
 * starts, even when a later ReLU hides the NaN from the loss.
 */
class DivergenceTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {2, -2}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential reluModel(Optimizer optimizer) {
        return Sequential.builder().input(2).dense(4).activation(new Relu()).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(optimizer).seed(5).build();
    }

    @Test
    void predictRefusesNaNAndInfinityNamingRowAndColumn() {
        Sequential model = reluModel(new Sgd(0.1));
        Matrix input = X.copy();
        input.set(2, 1, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(input));
        assertEquals("Sequential.predict: input holds NaN at row 2, column 1; a model's answer for NaN or infinity"
                + " means nothing", e.getMessage());
        input.set(2, 1, 0);
        input.set(3, 0, Double.NEGATIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class, () -> model.forwardTrace(input));
        assertEquals("Sequential.forwardTrace: input holds -Infinity at row 3, column 0; a model's answer for NaN"
                + " or infinity means nothing", e.getMessage());
    }

    @Test
    void aNaNThatAReluTurnsIntoZeroStillStopsTrainingAtTheLayerWhereItStarts() {
        Sequential model = reluModel(new Sgd(0.1));
        // Row 1 is (2, −2): unit 0 of the first layer computes 2·1e308 + (−2)·1e308 = ∞ − ∞ = NaN, which the ReLU
        // turns into 0, so the loss stays finite and StopOnNaN alone would never fire.
        Matrix w = model.parameters().get("layers[0].weights").value();
        w.set(0, 0, 1e308);
        w.set(1, 0, 1e308);
        assertEquals(0.0, model.forwardTrace(X).get(2).get(1, 0), "the ReLU hides the NaN");

        TrainingHistory history = model.fit(X, Y, TrainingConfig.builder().epochs(50).listener(new StopOnNaN())
                .build());

        assertEquals("layer 0 (Dense(2→4)) output holds NaN at row 1, column 0 at epoch 0, batch 0",
                history.stopReason().orElseThrow());
        assertEquals(1, history.epochs());
    }

    @Test
    void aParameterThatTurnsNaNInTheLastUpdateIsCaughtAfterThatStep() {
        Optimizer sgd = new Sgd(0.1);
        int[] updates = {0};
        Optimizer breaksOnTheThirdUpdate = new Optimizer() {
            @Override
            public void update(Map<String, Parameter> parameters) {
                sgd.update(parameters);
                if (++updates[0] == 3) {
                    parameters.get("layers[2].bias").value().set(0, 0, Double.POSITIVE_INFINITY);
                }
            }
        };
        Sequential model = reluModel(breaksOnTheThirdUpdate);
        TrainingHistory history = model.fit(X, Y, TrainingConfig.builder().epochs(3).batchSize(2).shuffle(false)
                .build());
        assertEquals("layers[2].bias holds Infinity at row 0, column 0 after the update at epoch 1, batch 0",
                history.stopReason().orElseThrow());
        assertEquals(2, history.epochs());
    }

    @Test
    void aLossThatOverflowsIsReportedAsStopOnNaNWouldAndAFiniteRunIsNotStopped() {
        Sequential model = Sequential.builder().input(1).dense(1).loss(new MeanSquaredError())
                .optimizer(new Sgd(1e150)).seed(1).build();
        Matrix x = Matrix.columnVector(1e100, -1e100);
        Matrix y = Matrix.columnVector(1, 2);
        String reason = model.fit(x, y, 20).stopReason().orElseThrow();
        assertEquals(true, reason.matches("(loss is (NaN|infinite) at epoch \\d+, batch 0 \\(loss = (NaN|Infinity)\\)"
                + "|layers\\[0\\]\\.(weights|bias) holds (NaN|-?Infinity) at row 0, column 0 after the update at"
                + " epoch \\d+, batch 0)"), reason);

        Sequential healthy = reluModel(new Sgd(0.5));
        assertEquals(List.of(), healthy.fit(X, Y, 200).stopReason().stream().toList());
    }
}
