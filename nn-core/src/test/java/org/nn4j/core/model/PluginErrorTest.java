package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * An {@link Error} or a checked exception (which Java code can throw without declaring it) from a layer, the loss,
 * the optimizer or a listener stops training with a {@link TrainingException} naming the plug-in, the epoch and
 * the batch, with the original as its cause; an optimizer's update is still rolled back.
 */
class PluginErrorTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    /** Throws a checked exception from a method that does not declare it. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static Sequential model(Layer extra, Loss loss, Optimizer optimizer) {
        return Sequential.builder().input(2).dense(3).layer(extra).activation(new Sigmoid()).dense(1)
                .loss(loss).optimizer(optimizer).seed(7).build();
    }

    private static final class Passing implements Layer {
        private final Throwable forward;
        private int calls;

        Passing(Throwable forward) {
            this.forward = forward;
        }

        @Override
        public Matrix forward(Matrix input) {
            if (forward != null && ++calls == 6) {
                throw sneaky(forward);
            }
            return input;
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return outputGradient;
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }
    }

    private static TrainingConfig twoBatches(TrainingListener... listeners) {
        return TrainingConfig.builder().epochs(4).batchSize(2).listeners(List.of(listeners)).build();
    }

    @Test
    void anErrorFromALayerIsNamedWithEpochAndBatch() {
        AssertionError error = new AssertionError("layer invariant broken");
        Sequential model = model(new Passing(error), new MeanSquaredError(), new Sgd(0.5));
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y, twoBatches()));
        assertEquals("training failed at epoch 2, batch 1: layer 1 (Passing).forward threw AssertionError: layer"
                + " invariant broken (every parameter holds its value from before this batch; its update was not"
                + " applied)", e.getMessage());
        assertSame(error, e.getCause());
    }

    @Test
    void aCheckedExceptionFromAListenerIsNamedWithEpochAndBatch() {
        IOException io = new IOException("disk gone");
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnd event, TrainingControl control) {
                if (event.epoch() == 1 && event.batch() == 0) {
                    throw sneaky(io);
                }
            }
        };
        Sequential model = model(new Passing(null), new MeanSquaredError(), new Sgd(0.5));
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y, twoBatches(listener)));
        assertEquals("listener 0 (" + listener.getClass().getName() + ").onBatchEnd", e.component());
        assertEquals(1, e.epoch());
        assertEquals(0, e.batch());
        assertSame(io, e.getCause());
    }

    @Test
    void anErrorFromTheLossAndACheckedExceptionFromTheOptimizerAreNamedAndTheUpdateRolledBack() {
        Loss stackOverflow = new Loss() {
            private final Loss mse = new MeanSquaredError();

            @Override
            public double value(Matrix predicted, Matrix target) {
                return mse.value(predicted, target);
            }

            @Override
            public Matrix gradient(Matrix predicted, Matrix target) {
                throw new StackOverflowError();
            }
        };
        TrainingException e = assertThrows(TrainingException.class,
                () -> model(new Passing(null), stackOverflow, new Sgd(0.5)).fit(X, Y, twoBatches()));
        assertEquals("loss " + stackOverflow.describe(), e.component());
        assertEquals(StackOverflowError.class, e.getCause().getClass());

        Optimizer sgd = new Sgd(0.5);
        int[] calls = {0};
        Optimizer halfThenChecked = new Optimizer() {
            @Override
            public void update(Map<String, Parameter> parameters) {
                sgd.update(parameters);
                if (++calls[0] == 3) {
                    throw sneaky(new Exception("checked, after changing every parameter"));
                }
            }
        };
        Sequential model = model(new Passing(null), new MeanSquaredError(), halfThenChecked);
        Sequential reference = model(new Passing(null), new MeanSquaredError(), new Sgd(0.5));
        reference.fit(X, Y, TrainingConfig.builder().epochs(1).batchSize(2).build());
        e = assertThrows(TrainingException.class, () -> model.fit(X, Y, twoBatches()));
        assertEquals(1, e.epoch());
        assertEquals(0, e.batch());
        assertEquals("checked, after changing every parameter", e.getCause().getMessage());
        reference.parameters().forEach((path, p) ->
                assertEquals(p.value(), model.parameters().get(path).value(), "rolled back: " + path));
    }
}
