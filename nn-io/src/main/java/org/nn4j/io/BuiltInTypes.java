package org.nn4j.io;

import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

/**
 * nn4j's own types and their names in files. Adding a built-in type is one call here (see CONTRIBUTING.md, "nn-io"):
 * its name, its class, what to save and how to create it.
 */
final class BuiltInTypes {

    private BuiltInTypes() {
    }

    static TypeRegistry.Builder registerAll(TypeRegistry.Builder registry) {
        return registry
                // Layers: the input size comes from the layer before, so Dense saves only its units.
                .layer("dense", Dense.class, dense -> Config.of("units", dense.outputSize()),
                        (inputSize, config) -> {
                            int units = config.getInt("units");
                            config.reserve((long) inputSize * units + units);
                            return new Dense(inputSize, units);
                        })
                // Activations: saved as activation layers, {"type": "sigmoid"}.
                .activation("sigmoid", Sigmoid.class, Sigmoid::new)
                // Losses.
                .loss("mse", MeanSquaredError.class, MeanSquaredError::new)
                // Optimizers: hyper-parameters as configuration; their state() is saved without code.
                .optimizer("sgd", Sgd.class, sgd -> Config.of("learningRate", sgd.learningRate()),
                        config -> new Sgd(config.getDouble("learningRate")));
    }
}
