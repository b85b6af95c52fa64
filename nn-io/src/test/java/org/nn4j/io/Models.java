package org.nn4j.io;

import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Sgd;

/** Models the tests save and load. */
final class Models {

    private Models() {
    }

    /** The blog's 2-4-1 sigmoid network, seed 42, SGD 0.2. */
    static Sequential xor() {
        return Sequential.builder()
                .input(2)
                .dense(4).activation(new Sigmoid())
                .dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError())
                .optimizer(new Sgd(0.2))
                .seed(42)
                .build();
    }
}
