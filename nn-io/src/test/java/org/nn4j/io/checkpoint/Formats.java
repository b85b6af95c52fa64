package org.nn4j.io.checkpoint;

import org.nn4j.core.optimizers.Adam;
import org.nn4j.io.Config;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TypeRegistry;

/**
 * The format the checkpoint tests write and read: the standard one, plus {@link Adam} if the built-in registry
 * does not hold it yet (nn-io's built-ins and the toolkit's optimizers are registered by separate changes).
 */
final class Formats {

    private Formats() {
    }

    /** @return a registry builder holding the built-ins and Adam */
    static TypeRegistry.Builder registry() {
        TypeRegistry.Builder builder = TypeRegistry.builder();
        try {
            ModelFormat.standard().toJson(TrainingChild.model());
            return builder;
        } catch (IllegalArgumentException adamNotRegistered) {
            return builder.optimizer("adam", Adam.class,
                    adam -> Config.builder().put("learningRate", adam.learningRate()).put("beta1", adam.beta1())
                            .put("beta2", adam.beta2()).put("epsilon", adam.epsilon()).build(),
                    c -> new Adam(c.getDouble("learningRate"), c.getDouble("beta1"), c.getDouble("beta2"),
                            c.getDouble("epsilon")));
        }
    }

    /** @return the standard format, able to save Adam */
    static ModelFormat withAdam() {
        return ModelFormat.of(registry().build());
    }
}
