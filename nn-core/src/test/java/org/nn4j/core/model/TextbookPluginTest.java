package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * What a plug-in author writes from the textbook is what the built-ins are: a dense layer and a sigmoid written here
 * with only the contract's required methods train the blog's network to the same bits as nn4j's own.
 */
class TextbookPluginTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    /** z = x·W + b, written as a student would. */
    static final class MyDense implements Layer {
        final Parameter w;
        final Parameter b;

        MyDense(Matrix w, Matrix b) {
            this.w = new Parameter("weights", w.copy());
            this.b = new Parameter("bias", b.copy());
        }

        @Override
        public Matrix forward(Matrix x) {
            return x.times(w.value()).plusRow(b.value());
        }

        @Override
        public Matrix backward(Matrix x, Matrix z, Matrix delta) {
            w.gradient().addInPlace(x.transposeTimes(delta));
            b.gradient().addInPlace(delta.sumColumns());
            return delta.timesTranspose(w.value());
        }

        @Override
        public int outputSize(int inputSize) {
            return w.value().cols();
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w, b);
        }
    }

    /** The blog's sigmoid, clipped at ±250. */
    static final class MySigmoid implements Activation {
        @Override
        public double apply(double x) {
            return 1 / (1 + Math.exp(-Math.max(-250, Math.min(250, x))));
        }

        @Override
        public double derivative(double x, double y) {
            return y * (1 - y);
        }
    }

    @Test
    void aTextbookPluginTrainsToTheBuiltInsBits() {
        Sequential builtIn = Sequential.builder().input(2).dense(4).activation(new Sigmoid()).dense(1)
                .activation(new Sigmoid()).loss(new MeanSquaredError()).optimizer(new Sgd(0.2)).seed(42).build();
        Dense d0 = (Dense) builtIn.layers().get(0);
        Dense d2 = (Dense) builtIn.layers().get(2);
        MyDense m0 = new MyDense(d0.weights().value(), d0.bias().value());
        MyDense m2 = new MyDense(d2.weights().value(), d2.bias().value());
        Sequential plugIn = Sequential.of(2, List.of(m0, new ActivationLayer(new MySigmoid()), m2,
                new ActivationLayer(new MySigmoid())), new MeanSquaredError(), new Sgd(0.2), new NumpyRandom(42));

        TrainingHistory a = builtIn.fit(X, Y, 1000);
        TrainingHistory b = plugIn.fit(X, Y, 1000);

        assertEquals(a.loss(), b.loss());
        assertEquals(d0.weights().value(), m0.w.value());
        assertEquals(d2.bias().value(), m2.b.value());
        assertEquals(builtIn.predict(X), plugIn.predict(X));
        assertEquals(Shape.of(1), plugIn.outputShape(3));
    }

    @Test
    void shapesFlowThroughTheBuilderAndTheSummary() {
        Sequential model = Sequential.builder().input(1, 4, 4).activation(new Sigmoid()).dense(3)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        assertEquals(Shape.of(1, 4, 4), model.inputShape());
        assertEquals(16, model.inputSize());
        assertEquals(Shape.of(1, 4, 4), model.outputShape(0));
        assertEquals(Shape.of(3), model.outputShape(1));
        String summary = model.summary();
        assertEquals(true, summary.contains("Input            n×1×4×4 "), summary);
        assertEquals(true, summary.contains("0  Sigmoid       n×1×4×4 "), summary);
        assertEquals(true, summary.contains("1  Dense(16→3)   n×3 "), summary);
    }
}
