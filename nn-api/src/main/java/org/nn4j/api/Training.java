package org.nn4j.api;

import java.util.random.RandomGenerator;

/**
 * What a layer is given while the model trains, and only then: the model's seeded random generator and a place to
 * keep matrices from its forward pass for its backward pass on the same batch.
 *
 * <p>The trainer gives each layer its own {@code Training} for the whole run, so names a layer saves under cannot
 * clash with another layer's. A value saved in {@link Layer#forward(Matrix, Training)} is read back in
 * {@link Layer#backward(Matrix, Matrix, Matrix, Training)} of the same batch; the next batch's forward pass
 * replaces it. Dropout, for example:
 * <pre>
 *   forward:   mask = (u &lt; keep) / keep   with u uniform from training.random();   training.save("mask", mask)
 *              return input ⊙ mask
 *   backward:  return outputGradient ⊙ training.saved("mask")
 * </pre>
 * The generator is the one the model was built with ({@code .seed(42)}), shared with the shuffling of batches, so
 * the same seed gives the same masks and the same training on every run.
 *
 * <p>Used by one training thread at a time; not thread-safe.
 */
public interface Training {

    /**
     * The model's generator: the only randomness a layer may use, so that training is reproducible.
     *
     * @return the generator, shared with the trainer's shuffling
     */
    RandomGenerator random();

    /**
     * The epoch being trained.
     *
     * @return the epoch, counted from 0
     */
    int epoch();

    /**
     * The batch being trained.
     *
     * @return the batch within the epoch, counted from 0
     */
    int batch();

    /**
     * Keeps a matrix for this layer's backward pass on the current batch, replacing one saved under the same name.
     *
     * @param name a name of the layer's choosing, such as {@code "mask"}
     * @param value the matrix (kept, not copied)
     */
    void save(String name, Matrix value);

    /**
     * A matrix this layer saved in its forward pass on the current batch.
     *
     * @param name the name it was saved under
     * @return the matrix
     * @throws IllegalStateException if nothing was saved under that name on this batch
     */
    Matrix saved(String name);
}
