package org.nn4j.examples.fashion;

import java.util.random.RandomGenerator;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;

/**
 * The two networks of the {@code fashion-mnist} example, layer for layer the ones other frameworks' tutorials
 * train, so that their accuracy and speed can be compared (nn-benchmarks/pytorch/fashion_mnist.py builds the same
 * two). Both take one 28×28 grey image per row, pixels in [0, 1], and output ten logits trained with softmax
 * cross-entropy; weights are Glorot-uniform and biases zero, as Keras starts them.
 */
public final class FashionModels {

    private FashionModels() {
    }

    /** The two networks, as {@code --model} names them. */
    public enum Kind {
        /** TensorFlow's beginner tutorial: Flatten → Dense(128, relu) → Dense(10), Adam, batch 32. */
        MLP(32),
        /** Keras' "simple MNIST convnet": two convolution and pooling blocks, dropout, Dense(10); batch 128. */
        CNN(128);

        private final int batchSize;

        Kind(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return the batch size its tutorial trains with */
        public int batchSize() {
            return batchSize;
        }
    }

    /**
     * Builds a network.
     *
     * @param kind which one
     * @param learningRate Adam's step size (the tutorials use 0.001)
     * @param random the generator that draws the weights (and, while training, dropout and the batches' order)
     * @param names the pixels' and the classes' names, saved with the model for {@code predict}
     * @return the untrained network
     */
    public static Sequential build(Kind kind, double learningRate, RandomGenerator random, ModelNames names) {
        return switch (kind) {
            case MLP -> Sequential.builder()
                    .input(1, 28, 28)
                    .flatten()
                    .dense(128).activation(new Relu())
                    .dense(10)
                    .loss(new SoftmaxCrossEntropy())
                    .optimizer(new Adam(learningRate))
                    .weightInitializer(new GlorotUniform()).biasInitializer(new Zeros())
                    .random(random).names(names)
                    .build();
            case CNN -> Sequential.builder()
                    .input(1, 28, 28)
                    .conv2d(32, 3).activation(new Relu())       // 32×26×26
                    .maxPool2d(2)                               // 32×13×13
                    .conv2d(64, 3).activation(new Relu())       // 64×11×11
                    .maxPool2d(2)                               // 64×5×5
                    .flatten()                                  // 1600
                    .dropout(0.5)
                    .dense(10)
                    .loss(new SoftmaxCrossEntropy())
                    .optimizer(new Adam(learningRate))
                    .weightInitializer(new GlorotUniform()).biasInitializer(new Zeros())
                    .random(random).names(names)
                    .build();
        };
    }
}
