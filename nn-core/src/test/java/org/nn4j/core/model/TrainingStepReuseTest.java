package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * The training step's reuse of last step's matrices ({@link Layer#forward(Matrix, Matrix)} and friends): it
 * changes nothing but the allocation. Layers that only implement the one-argument methods train to the same bits;
 * a layer that hands back its argument is never offered it; and the blog's epoch allocates almost nothing.
 */
class TrainingStepReuseTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    /** Wraps a layer so that only the one-argument methods exist: nothing is ever reused through it. */
    private record Plain(Layer inner) implements Layer {
        @Override
        public Matrix forward(Matrix input) {
            return inner.forward(input);
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return inner.backward(input, output, outputGradient);
        }

        @Override
        public void backwardParameters(Matrix input, Matrix output, Matrix outputGradient) {
            inner.backwardParameters(input, output, outputGradient);
        }

        @Override
        public int outputSize(int inputSize) {
            return inner.outputSize(inputSize);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }
    }

    /** An identity layer that hands back its arguments and records what it was offered. */
    private static final class PassThrough implements Layer {
        final List<Matrix> offered = new ArrayList<>();

        @Override
        public Matrix forward(Matrix input) {
            return input;
        }

        @Override
        public Matrix forward(Matrix input, Matrix reuse) {
            offered.add(reuse);
            return input;
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return outputGradient;
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Matrix reuse) {
            offered.add(reuse);
            return outputGradient;
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }
    }

    private static Map<String, Matrix> values(Sequential model) {
        Map<String, Matrix> values = new java.util.LinkedHashMap<>();
        model.parameters().forEach((path, p) -> values.put(path, p.value().copy()));
        return values;
    }

    private static TrainingConfig config(int batchSize) {
        return TrainingConfig.builder().epochs(300).batchSize(batchSize).build();
    }

    @Test
    void layersWithoutTheReuseMethodsTrainToTheSameBits() {
        for (int batchSize : new int[] {0, 3, 1}) {
            Sequential reusing = BlogNetwork.create(42, 0.5);
            Sequential plain = BlogNetwork.create(42, 0.5);
            List<Layer> wrapped = new ArrayList<>();
            plain.layers().forEach(l -> wrapped.add(new Plain(l)));
            Loss mse = new MeanSquaredError();
            Loss plainLoss = new Loss() {
                @Override
                public double value(Matrix predicted, Matrix target) {
                    return mse.value(predicted, target);
                }

                @Override
                public Matrix gradient(Matrix predicted, Matrix target) {
                    return mse.gradient(predicted, target);
                }
            };
            Sequential wrappedModel = Sequential.of(2, wrapped, plainLoss, new Sgd(0.5), new NumpyRandom(1));
            Sequential reusingModel = Sequential.of(2, reusing.layers(), mse, new Sgd(0.5), new NumpyRandom(1));
            TrainingHistory a = reusingModel.fit(X, Y, config(batchSize));
            TrainingHistory b = wrappedModel.fit(X, Y, config(batchSize));
            assertEquals(b.loss(), a.loss(), "losses, batch size " + batchSize);
            assertEquals(values(wrappedModel), values(reusingModel), "weights, batch size " + batchSize);
        }
    }

    @Test
    void aLayerThatHandsBackItsArgumentsIsNeverOfferedThem() {
        PassThrough first = new PassThrough();
        PassThrough middle = new PassThrough();
        Sequential base = BlogNetwork.create(7, 0.5);
        List<Layer> layers = new ArrayList<>();
        layers.add(first);
        layers.add(base.layers().get(0));
        layers.add(base.layers().get(1));
        layers.add(middle);
        layers.add(base.layers().get(2));
        layers.add(base.layers().get(3));
        Sequential withPassThrough = Sequential.of(2, layers, new MeanSquaredError(), new Sgd(0.5),
                new NumpyRandom(1));
        Sequential without = Sequential.of(2, BlogNetwork.create(7, 0.5).layers(), new MeanSquaredError(),
                new Sgd(0.5), new NumpyRandom(1));
        withPassThrough.fit(X, Y, config(3));
        without.fit(X, Y, config(3));
        assertEquals(values(without).values().stream().toList(), values(withPassThrough).values().stream().toList());
        assertTrue(first.offered.size() > 100 && middle.offered.size() > 100);
        for (Matrix offered : first.offered) {
            assertNull(offered);
        }
        for (Matrix offered : middle.offered) {
            assertNull(offered);
        }
    }

    @Test
    void eachLayerIsOfferedWhatItReturnedTheStepBefore() {
        List<Matrix[]> seen = new ArrayList<>();
        Layer sigmoid = BlogNetwork.create().layers().get(1);
        Layer recording = new Layer() {
            @Override
            public Matrix forward(Matrix input) {
                return sigmoid.forward(input);
            }

            @Override
            public Matrix forward(Matrix input, Matrix reuse) {
                Matrix out = sigmoid.forward(input, reuse);
                seen.add(new Matrix[] {reuse, out});
                return out;
            }

            @Override
            public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
                return sigmoid.backward(input, output, outputGradient);
            }

            @Override
            public int outputSize(int inputSize) {
                return inputSize;
            }
        };
        Sequential base = BlogNetwork.create();
        Sequential model = Sequential.of(2, List.of(base.layers().get(0), recording, base.layers().get(2),
                base.layers().get(3)), new MeanSquaredError(), new Sgd(0.2), new NumpyRandom(1));
        model.fit(X, Y, 3);
        assertNull(seen.get(0)[0], "nothing to offer on the first step");
        assertSame(seen.get(0)[1], seen.get(1)[0]);
        assertSame(seen.get(0)[1], seen.get(1)[1], "the sigmoid wrote into the offered matrix");
        assertSame(seen.get(1)[1], seen.get(2)[0]);
        assertNotSame(seen.get(0)[1], X);
    }

    @Test
    void theBlogEpochAllocatesAlmostNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Sequential model = BlogNetwork.create();
        model.fit(X, Y, 20_000);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int epochs = 50_000;
        model.fit(X, Y, epochs);
        long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // Before matrices were reused an epoch allocated about 1,100 bytes (a dozen small matrices); now the
        // history's one double and the optimizer's iteration remain. The bound leaves room for the interpreter.
        assertTrue(bytes / epochs < 160, bytes / epochs + " bytes per epoch");
    }

    @Test
    void sigmoidOverAWholeMatrixAgreesWithItsScalarForm() {
        Sigmoid sigmoid = new Sigmoid();
        NumpyRandom random = new NumpyRandom(4);
        Matrix z = Matrix.zeros(37, 5);
        for (int i = 0; i < z.size(); i++) {
            z.setFlat(i, random.uniform(-40, 40));
        }
        z.setFlat(0, 1e6);
        z.setFlat(1, -1e6);
        Matrix a = Matrix.zeros(37, 5);
        sigmoid.applyAll(z, a);
        for (int i = 0; i < z.size(); i++) {
            double expected = sigmoid.apply(z.getFlat(i));
            assertTrue(Math.abs(a.getFlat(i) - expected) <= 2 * Math.ulp(expected),
                    "sigmoid(" + z.getFlat(i) + "): " + a.getFlat(i) + " vs " + expected);
        }
    }
}
