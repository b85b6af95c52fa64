package org.nn4j.io;

import org.nn4j.api.Shape;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.layers.BatchNormalization;
import org.nn4j.core.layers.Conv2D;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Flatten;
import org.nn4j.core.layers.MaxPool2D;
import org.nn4j.core.layers.Padding;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.CosineDecay;
import org.nn4j.core.optimizers.LearningRateSchedule;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Scheduled;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.optimizers.StepDecay;
import org.nn4j.core.optimizers.WeightDecay;

/**
 * nn4j's own types and their names in files, registered through the same public {@link TypeRegistry.Builder}
 * calls a plug-in uses. Adding a built-in type is one call here (see CONTRIBUTING.md, "nn-io"): its name, its
 * class, what to save and how to create it.
 */
final class BuiltInTypes {

    private BuiltInTypes() {
    }

    static TypeRegistry.Builder registerAll(TypeRegistry.Builder registry) {
        return registry
                // Layers: the input size comes from the layer before, so Dense saves only its units; parameters
                // (Dense's weights and bias) and state (Standardize's mean and deviation) are saved by name.
                .layer("dense", Dense.class, dense -> Config.of("units", dense.outputSize()),
                        (inputSize, config) -> {
                            int units = config.getInt("units");
                            config.reserve((long) inputSize * units + units);
                            return new Dense(inputSize, units);
                        })
                .layer("softmax", Softmax.class, softmax -> Config.empty(), (inputSize, config) -> new Softmax())
                .layer("standardize", Standardize.class, standardize -> Config.empty(),
                        (inputSize, config) -> {
                            config.reserve(2L * inputSize);
                            return new Standardize(inputSize);
                        })
                .layer("dropout", Dropout.class, dropout -> Config.of("rate", dropout.rate()),
                        (inputSize, config) -> new Dropout(config.getDouble("rate")))
                .layer("flatten", Flatten.class, flatten -> Config.empty(), (inputSize, config) -> new Flatten())
                // Image layers save the image they take, channels×height×width, as the loader gives only its size.
                .layer("conv2d", Conv2D.class,
                        conv -> image(conv.inputShape()).put("filters", conv.filters())
                                .put("kernelSize", conv.kernelSize()).put("stride", conv.stride())
                                .put("padding", conv.padding().fileName()).build(),
                        (inputSize, config) -> {
                            Shape image = image(config);
                            int filters = config.getInt("filters");
                            int kernel = config.getInt("kernelSize");
                            config.reserve((long) image.dim(0) * kernel * kernel * filters + filters);
                            return new Conv2D(image, filters, kernel, config.getInt("stride"),
                                    Padding.ofFileName(config.getString("padding")));
                        })
                .layer("max-pool2d", MaxPool2D.class,
                        pool -> image(pool.inputShape()).put("poolSize", pool.poolSize())
                                .put("stride", pool.stride()).build(),
                        (inputSize, config) -> new MaxPool2D(image(config), config.getInt("poolSize"),
                                config.getInt("stride")))
                .layer("batch-normalization", BatchNormalization.class,
                        norm -> Config.builder().put("features", norm.features()).put("momentum", norm.momentum())
                                .put("epsilon", norm.epsilon()).build(),
                        (inputSize, config) -> {
                            int features = config.getInt("features");
                            if (features <= 0 || inputSize % features != 0) {
                                throw new IllegalArgumentException("features " + features + " must be positive and"
                                        + " divide the input's " + inputSize + " columns");
                            }
                            config.reserve(4L * features);
                            return new BatchNormalization(features, inputSize / features,
                                    config.getDouble("momentum"), config.getDouble("epsilon"));
                        })
                // Activations: layers too, saved as {"type": "sigmoid"}.
                .activation("sigmoid", Sigmoid.class, Sigmoid::new)
                .activation("tanh", Tanh.class, Tanh::new)
                .activation("relu", Relu.class, Relu::new)
                .activation("leaky-relu", LeakyRelu.class, relu -> Config.of("alpha", relu.alpha()),
                        config -> new LeakyRelu(config.getDouble("alpha")))
                .activation("identity", Identity.class, Identity::new)
                .activation("softplus", Softplus.class, Softplus::new)
                // Losses.
                .loss("mse", MeanSquaredError.class, MeanSquaredError::new)
                .loss("binary-cross-entropy", BinaryCrossEntropy.class, BinaryCrossEntropy::new)
                .loss("categorical-cross-entropy", CategoricalCrossEntropy.class, CategoricalCrossEntropy::new)
                .loss("softmax-cross-entropy", SoftmaxCrossEntropy.class, SoftmaxCrossEntropy::new)
                // Optimizers: hyper-parameters as configuration; their state() is saved without code.
                .optimizer("sgd", Sgd.class, sgd -> Config.of("learningRate", sgd.learningRate()),
                        config -> new Sgd(config.getDouble("learningRate")))
                .optimizer("momentum", Momentum.class,
                        momentum -> Config.builder().put("learningRate", momentum.learningRate())
                                .put("momentum", momentum.momentum()).put("nesterov", momentum.nesterov()).build(),
                        config -> new Momentum(config.getDouble("learningRate"), config.getDouble("momentum"),
                                config.getBoolean("nesterov")))
                .optimizer("adam", Adam.class,
                        adam -> Config.builder().put("learningRate", adam.learningRate()).put("beta1", adam.beta1())
                                .put("beta2", adam.beta2()).put("epsilon", adam.epsilon()).build(),
                        config -> new Adam(config.getDouble("learningRate"), config.getDouble("beta1"),
                                config.getDouble("beta2"), config.getDouble("epsilon")))
                // Wrappers: the wrapped optimizer is saved as a nested "optimizer" object.
                .optimizerWrapper("clip-by-global-norm", ClipByGlobalNorm.class,
                        clip -> Config.of("maxNorm", clip.maxNorm()), ClipByGlobalNorm::optimizer,
                        (config, wrapped) -> new ClipByGlobalNorm(wrapped, config.getDouble("maxNorm")))
                .optimizerWrapper("weight-decay", WeightDecay.class, decay -> Config.of("rate", decay.rate()),
                        WeightDecay::optimizer, (config, wrapped) -> new WeightDecay(wrapped, config.getDouble("rate")))
                // A schedule is saved inside its wrapper's configuration: "schedule" names which built-in it is.
                .optimizerWrapper("scheduled", Scheduled.class, BuiltInTypes::scheduleConfig, Scheduled::optimizer,
                        (config, wrapped) -> new Scheduled(wrapped, schedule(config), config.getInt("stepsPerEpoch")));
    }

    private static Config scheduleConfig(Scheduled scheduled) {
        Config.Builder config = Config.builder().put("stepsPerEpoch", scheduled.stepsPerEpoch());
        LearningRateSchedule schedule = scheduled.schedule();
        if (schedule instanceof StepDecay step) {
            return config.put("schedule", "step").put("stepSize", step.stepSize()).put("gamma", step.gamma()).build();
        }
        if (schedule instanceof CosineDecay cosine) {
            return config.put("schedule", "cosine").put("epochs", cosine.epochs())
                    .put("minFactor", cosine.minFactor()).build();
        }
        throw new IllegalArgumentException("scheduled: only the built-in schedules StepDecay and CosineDecay can be"
                + " saved, not " + schedule.getClass().getName());
    }

    private static LearningRateSchedule schedule(Config config) {
        String kind = config.getString("schedule");
        return switch (kind) {
            case "step" -> new StepDecay(config.getInt("stepSize"), config.getDouble("gamma"));
            case "cosine" -> new CosineDecay(config.getInt("epochs"), config.getDouble("minFactor"));
            default -> throw new IllegalArgumentException("schedule must be \"step\" or \"cosine\", got \"" + kind
                    + "\"");
        };
    }

    /** The configuration of an image layer's input: {@code channels}, {@code height}, {@code width}. */
    private static Config.Builder image(Shape shape) {
        return Config.builder().put("channels", shape.dim(0)).put("height", shape.dim(1)).put("width", shape.dim(2));
    }

    private static Shape image(Config config) {
        return Shape.of(config.getInt("channels"), config.getInt("height"), config.getInt("width"));
    }
}
