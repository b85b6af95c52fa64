package org.nn4j.spark;

import java.util.random.RandomGenerator;

/**
 * The generator a worker's layers get while training: it refuses to draw. The model's generator lives on the
 * driver (it shuffles the batches there, and a checkpoint saves it); a layer that draws while training, such as
 * dropout, would draw different numbers on every partition, so data-parallel training stops with this message
 * rather than train something that no one machine would.
 */
final class NoRandomness implements RandomGenerator {

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("nn-spark: a layer drew a random number while training; data-parallel"
                + " training supports only layers that do not (no dropout): the model's generator lives on the"
                + " driver");
    }
}
