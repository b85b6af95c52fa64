package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/** Mini-batches, validation split, metrics and the history, on Gaussian blobs. */
class TrainingFeaturesTest {

    private static final Matrix CENTERS = Matrix.of(new double[][] {{-2, 0}, {2, 0}, {0, 2.5}});

    private static Sequential model(long seed) {
        return Sequential.builder()
                .input(2)
                .dense(8).activation(new Tanh())
                .dense(3).layer(new Softmax())
                .loss(new CategoricalCrossEntropy())
                .optimizer(new Adam(0.05))
                .weightInitializer(new GlorotUniform())
                .biasInitializer(new Zeros())
                .seed(seed)
                .build();
    }

    private static Dataset blobs() {
        return TeachingSets.blobs(40, CENTERS, 0.5, new NumpyRandom(11)).shuffled(new NumpyRandom(12));
    }

    @Test
    void metricsAreReportedInOrderAndTheHistoryKeepsThem() {
        Dataset data = blobs();
        List<EpochEnd> events = new ArrayList<>();
        TrainingHistory history = model(3).fit(data.inputs(), data.targets(), TrainingConfig.builder()
                .epochs(30).batchSize(16).validationSplit(0.25).metric(new Accuracy())
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochEnd event, TrainingControl control) {
                        events.add(event);
                    }
                }).build());
        assertEquals(List.of("accuracy", "val_loss", "val_accuracy"), List.copyOf(events.get(0).metrics().keySet()));
        assertEquals(List.copyOf(history.metricNames()), List.of("accuracy", "val_loss", "val_accuracy"));
        assertEquals(30, history.validationLoss().size());
        assertEquals(events.get(29).metric("val_loss").getAsDouble(), history.finalMetric("val_loss"));
        // Separable blobs: the model ends up right on (almost) everything it was not trained on.
        assertTrue(history.finalMetric("val_accuracy") >= 0.95, history.toString());
        assertTrue(history.loss().get(29) < history.loss().get(0) / 5, history.loss().toString());
    }

    @Test
    void validationSplitHoldsOutTheLastRowsBeforeShuffling() {
        // 10 rows, split 0.3: trains on rows 0..6 (floor(10·0.7) = 7), validates on rows 7..9.
        Dataset data = blobs().selectRows(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Sequential a = model(5);
        TrainingHistory split = a.fit(data.inputs(), data.targets(), TrainingConfig.builder().epochs(3)
                .batchSize(2).validationSplit(0.3).build());

        Sequential b = model(5);
        int[] train = {0, 1, 2, 3, 4, 5, 6};
        int[] held = {7, 8, 9};
        TrainingHistory explicit = b.fit(data.inputs().selectRows(train), data.targets().selectRows(train),
                TrainingConfig.builder().epochs(3).batchSize(2)
                        .validation(data.inputs().selectRows(held), data.targets().selectRows(held)).build());
        assertEquals(explicit.loss(), split.loss());
        assertEquals(explicit.validationLoss(), split.validationLoss());
        assertEquals(b.parameters().get("layers[0].weights").value(), a.parameters().get("layers[0].weights").value());
    }

    @Test
    void sameSeedSameNumbersTwice() {
        Dataset data = blobs();
        TrainingConfig config = TrainingConfig.builder().epochs(10).batchSize(8).validationSplit(0.2)
                .metric(new Accuracy()).build();
        Sequential first = model(21);
        Sequential second = model(21);
        TrainingHistory h1 = first.fit(data.inputs(), data.targets(), config);
        TrainingHistory h2 = second.fit(data.inputs(), data.targets(), config);
        assertEquals(h1.loss(), h2.loss());
        assertEquals(h1.metric("val_loss"), h2.metric("val_loss"));
        first.parameters().forEach((path, p) -> assertEquals(p.value(), second.parameters().get(path).value(), path));
        // And another seed gives other numbers.
        assertTrue(!h1.loss().equals(model(22).fit(data.inputs(), data.targets(), config).loss()));
    }

    @Test
    void badSplitsAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().epochs(1).validationSplit(1.0)
                .build());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder()
                .epochs(1).validationSplit(0.2).validation(Matrix.zeros(1, 2), Matrix.zeros(1, 3)).build());
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        Dataset one = blobs().selectRows(new int[] {0});
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class, () -> model(1).fit(
                one.inputs(), one.targets(), TrainingConfig.builder().epochs(1).validationSplit(0.5).build()));
        assertEquals("fit: validation split 0.5 of 1 rows leaves 0 for training and 1 for validation; each needs"
                + " at least one", tiny.getMessage());
    }

    @Test
    void summaryListsLayersShapesAndCounts() {
        String summary = model(1).summary();
        String expected = String.join("\n",
                "Model: Sequential, 4 layers",
                "Layer (type)    Output shape   Params",
                "=====================================",
                "Input           n×2                 0",
                "0  Dense(2→8)   n×8                24",
                "1  Tanh         n×8                 0",
                "2  Dense(8→3)   n×3                27",
                "3  Softmax      n×3                 0",
                "=====================================",
                "Total params: 51",
                "Trainable params: 51",
                "Loss: CategoricalCrossEntropy",
                "Optimizer: Adam(learningRate=0.05, beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
                "");
        assertEquals(expected, summary);
        assertEquals(51, model(1).parameterCount());
    }
}
