package org.nn4j.examples.plugins;

import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/** The plug-ins at work: a Swish network on the two moons, stopped by StopAtAccuracy. */
public final class SwishOnMoons {

    private SwishOnMoons() {
    }

    /** @return the trained model and what training measured */
    public static Result train() {
        NumpyRandom random = new NumpyRandom(42);
        Dataset moons = TeachingSets.moons(400, 0.1, random).shuffled(random);
        Sequential model = Sequential.builder()
                .input(2)
                .dense(16).activation(new Swish(1.0))
                .dense(1).activation(new Sigmoid())
                .loss(new BinaryCrossEntropy())
                .optimizer(new Adam(0.02))
                .weightInitializer(new GlorotUniform())
                .biasInitializer(new Zeros())
                .random(random)
                .build();
        TrainingHistory history = model.fit(moons.inputs(), moons.targets(), TrainingConfig.builder()
                .epochs(200).batchSize(32).validationSplit(0.2).metric(new Accuracy())
                .listener(new StopAtAccuracy(0.98))
                .build());
        return new Result(model, history);
    }

    /**
     * @param model the trained model
     * @param history its history
     */
    public record Result(Sequential model, TrainingHistory history) {
    }
}
