package org.nn4j.core.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

/** Cross-entropy values by hand, and softmax cross-entropy on logits staying finite and exact at extreme logits. */
class CrossEntropyTest {

    @Test
    void binaryCrossEntropyByHand() {
        // −(1/2)·[ln 0.8 + ln(1 − 0.3)] = −(1/2)·(ln 0.8 + ln 0.7)
        Matrix p = Matrix.columnVector(0.8, 0.3);
        Matrix y = Matrix.columnVector(1, 0);
        assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, new BinaryCrossEntropy().value(p, y), 1e-15);
        // ∂L/∂ŷ = (1/2)·(p − y)/(p(1 − p)): [(−0.2)/(0.16)/2, 0.3/0.21/2]
        Matrix g = new BinaryCrossEntropy().gradient(p, y);
        assertEquals(-0.2 / 0.16 / 2, g.get(0, 0), 1e-15);
        assertEquals(0.3 / 0.21 / 2, g.get(1, 0), 1e-15);
    }

    @Test
    void categoricalCrossEntropyByHand() {
        Matrix p = Matrix.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.5, 0.4}});
        Matrix y = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
        assertEquals(-(Math.log(0.7) + Math.log(0.4)) / 2, new CategoricalCrossEntropy().value(p, y), 1e-15);
        // On logits: softmax([1, 2, 3]) = e^[1,2,3] / Σ; target class 2 → L = ln Σ − 3
        Matrix z = Matrix.rowVector(1, 2, 3);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();
        assertEquals(Math.log(sum) - 3, new SoftmaxCrossEntropy().value(z, Matrix.rowVector(0, 0, 1)), 1e-14);
        Matrix g = new SoftmaxCrossEntropy().gradient(z, Matrix.rowVector(0, 0, 1));
        assertEquals(Math.exp(1) / sum, g.get(0, 0), 1e-15);
        assertEquals(Math.exp(3) / sum - 1, g.get(0, 2), 1e-15);
    }

    @Test
    void softmaxCrossEntropyIsFiniteForLogitsOfPlusMinus1000() {
        Matrix logits = Matrix.of(new double[][] {{1000, -1000, 0}, {-1000, 1000, -1000}, {-1000, -1000, 1000}});
        Matrix wrong = Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 1, 0}});
        Matrix right = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        CategoricalCrossEntropy cce = new CategoricalCrossEntropy();

        Matrix p = new Softmax().forward(logits);
        assertTrue(p.isFinite(), p.toString());
        assertEquals(1.0, p.get(0, 0));
        assertEquals(0.0, p.get(0, 1));

        // Confidently wrong: each row's loss is the logit gap, (2000 + 2000 + 2000)/3.
        assertEquals(2000.0, new SoftmaxCrossEntropy().value(logits, wrong), 1e-9);
        assertEquals(0.0, new SoftmaxCrossEntropy().value(logits, right));
        Matrix g = new SoftmaxCrossEntropy().gradient(logits, wrong);
        assertTrue(g.isFinite());
        // (softmax − y)/n: the true class gets −1/3, the confident wrong class +1/3.
        assertEquals(1.0 / 3, g.get(0, 0), 1e-15);
        assertEquals(-1.0 / 3, g.get(0, 1), 1e-15);

        // The probability path stays finite too (thanks to the clip), but its value is capped at −ln(1e-12).
        assertTrue(Double.isFinite(cce.value(p, wrong)));
        assertTrue(cce.gradient(p, wrong).isFinite());
    }

    @Test
    void aModelTrainedOnLogitsKeepsTheGradientAtExtremeLogits() {
        // A 2→3 dense layer with weights that make logits of ±1000, trained with the loss on the logits.
        Dense dense = new Dense(2, 3);
        dense.weights().value().copyFromInPlace(Matrix.of(new double[][] {{1000, -1000, 0}, {0, 0, 0}}));
        Sequential model = Sequential.of(2, java.util.List.of(dense), new SoftmaxCrossEntropy(),
                new Sgd(0.1), new org.nn4j.core.random.NumpyRandom(0));
        Matrix x = Matrix.of(new double[][] {{1, 0}});
        Matrix y = Matrix.rowVector(0, 1, 0);
        assertEquals(2000.0, model.evaluateLoss(x, y), 1e-9);
        var history = model.fit(x, y, 1);
        assertEquals(2000.0, history.finalLoss(), 1e-9);
        // Gradient on the logits is softmax − y = [1, −1, 0]; W's first row moves by −0.1·[1, −1, 0].
        assertEquals(999.9, dense.weights().value().get(0, 0), 1e-9);
        assertEquals(-999.9, dense.weights().value().get(0, 1), 1e-9);
        assertTrue(dense.weights().value().isFinite());
    }

    @Test
    void aModelEndingInSoftmaxLosesTheGradientThere() {
        // The same network with a Softmax layer and the loss on probabilities: the probability of the true class is
        // exactly 0, the loss is capped by the clip at −ln(1e-12) and the weights do not move. This is why the loss
        // on logits exists; nn4j does not switch to it behind the user's back.
        Dense dense = new Dense(2, 3);
        dense.weights().value().copyFromInPlace(Matrix.of(new double[][] {{1000, -1000, 0}, {0, 0, 0}}));
        Sequential model = Sequential.of(2, java.util.List.of(dense, new Softmax()), new CategoricalCrossEntropy(),
                new Sgd(0.1), new org.nn4j.core.random.NumpyRandom(0));
        Matrix x = Matrix.of(new double[][] {{1, 0}});
        Matrix y = Matrix.rowVector(0, 1, 0);
        assertEquals(-Math.log(CategoricalCrossEntropy.EPSILON), model.evaluateLoss(x, y), 1e-9);
        model.fit(x, y, 1);
        assertEquals(1000.0, dense.weights().value().get(0, 0));
        assertEquals(-1000.0, dense.weights().value().get(0, 1));
    }
}
