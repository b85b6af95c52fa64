package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.LabelledImages;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.optimizers.Adam;

/**
 * Training on samples that make their batches on demand ({@link LabelledImages}, bytes) is training on the same
 * rows as matrices: the same losses and the same weights, bit for bit, and the same again on a second run.
 */
class SamplesTrainingTest {

    /** 60 random 4×5 images in 3 classes. */
    private static LabelledImages images() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] pixels = new byte[60 * 20];
        byte[] labels = new byte[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = (byte) random.nextInt(3);
            for (int p = 0; p < 20; p++) {
                pixels[i * 20 + p] = (byte) random.nextInt(256);
            }
        }
        return new LabelledImages(pixels, labels, 4, 5, 3);
    }

    private static Sequential model() {
        return Sequential.builder().input(1, 4, 5).flatten().dense(8).activation(new Relu()).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).seed(11).build();
    }

    private static TrainingConfig config(double validationSplit) {
        return TrainingConfig.builder().epochs(5).batchSize(7).metric(new Accuracy())
                .validationSplit(validationSplit).build();
    }

    private static Map<String, Matrix> values(Sequential model) {
        return model.parameters().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().value().copy()));
    }

    @Test
    void bytesAndMatricesTrainTheSameNetworkBitForBit() {
        for (double split : List.of(0.0, 0.2)) {
            LabelledImages images = images();
            Dataset all = images.dataset(0, images.rows());
            Sequential fromBytes = model();
            TrainingHistory bytes = fromBytes.fit(images, config(split));
            Sequential fromMatrices = model();
            TrainingHistory matrices = fromMatrices.fit(all.inputs(), all.targets(), config(split));
            assertEquals(matrices.loss(), bytes.loss(), "split " + split);
            assertEquals(matrices.metric("accuracy"), bytes.metric("accuracy"), "split " + split);
            assertEquals(matrices.metric("val_loss"), bytes.metric("val_loss"), "split " + split);
            assertEquals(values(fromMatrices), values(fromBytes), "split " + split);
            Sequential again = model();
            again.fit(images, config(split));
            assertEquals(values(fromBytes), values(again), "same seed, same weights");
            assertNotEquals(values(model()), values(fromBytes), "training changed the weights");
        }
    }

    @Test
    void samplesWhoseColumnsDoNotFitAreRefused() {
        LabelledImages wrong = new LabelledImages(new byte[6], new byte[] {0, 1}, 1, 3, 3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model().fit(wrong, config(0)));
        assertEquals("fit: training samples have 3 input and 3 target columns, the model takes 20 and outputs 3",
                e.getMessage());
    }
}
