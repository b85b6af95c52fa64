package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Padding;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.CosineDecay;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Scheduled;
import org.nn4j.core.optimizers.StepDecay;
import org.nn4j.core.optimizers.WeightDecay;

/**
 * Every built-in type saves and loads: the toolkit's activations, softmax, cross-entropy losses, momentum and
 * Adam with their state, a standardiser with the statistics it adapted, dropout, the softmax cross-entropy on
 * logits, gradient clipping around Adam, and an image-shaped input, resuming training bit for bit (dropout's masks
 * included: they come from the saved generator).
 */
class BuiltInTypesRoundTripTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}});
    private static final Matrix CLASSES = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
    private static final Matrix BINARY = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential classifier() {
        return Sequential.builder().input(3)
                .dense(5).activation(new Tanh())
                .dense(4).activation(new Relu())
                .dense(4).activation(new LeakyRelu(0.2))
                .dense(3).activation(new Softplus())
                .dense(2).activation(new Identity())
                .layer(new Softmax())
                .loss(new CategoricalCrossEntropy()).optimizer(new Adam(0.01, 0.8, 0.95, 1e-7)).seed(5).build();
    }

    /** Standardize (adapted), flatten, dropout, softmax cross-entropy on logits, a clip around Adam; samples 1×1×3. */
    private static Sequential standardized() {
        Matrix raw = X.scale(7.5).plus(Matrix.filled(4, 3, -2.25));
        return Sequential.builder().input(1, 1, 3)
                .layer(Standardize.adaptedTo(raw))
                .flatten()
                .dense(5).activation(new Tanh())
                .layer(new Dropout(0.3))
                .dense(2)
                .loss(new SoftmaxCrossEntropy()).optimizer(new ClipByGlobalNorm(new Adam(0.05), 0.25)).seed(8).build();
    }

    private static Sequential binary() {
        return Sequential.builder().input(3).dense(3).activation(new Tanh()).dense(1).activation(new Sigmoid())
                .loss(new BinaryCrossEntropy())
                .optimizer(new Scheduled(Momentum.nesterov(0.1, 0.9), new CosineDecay(5, 0.1), 1)).seed(6).build();
    }

    @Test
    void everyBuiltInTypeRoundTripsAndResumesExactly() throws IOException {
        ModelFormat format = ModelFormat.standard();
        for (Sequential model : List.of(classifier(), binary(), standardized())) {
            Matrix y = model.outputSize() == 2 ? CLASSES : BINARY;
            model.fit(X, y, 3);
            assertFalse(model.optimizer().state().isEmpty());
            StringWriter out = new StringWriter();
            format.saveCheckpoint(model, TrainingState.of(model, 3), out);
            String json = out.toString();
            assertEquals(List.of(), SchemaValidation.errors(json));

            Checkpoint loaded = format.loadCheckpoint(new StringReader(json));
            StringWriter again = new StringWriter();
            format.saveCheckpoint(loaded.model(), loaded.training().orElseThrow(), again);
            assertEquals(json, again.toString());
            assertEquals(model.predict(X), loaded.model().predict(X));

            model.fit(X, y, 4);
            loaded.model().fit(X, y, 4);
            model.parameters().forEach((path, p) ->
                    assertEquals(p.value(), loaded.model().parameters().get(path).value(), path));
            assertEquals(model.state(), loaded.model().state());
            assertEquals(model.optimizer().state(), loaded.model().optimizer().state());
        }
    }

    /** Eight 1×6×6 images of two classes (a bright left half or a bright right half, plus noise). */
    private static final Matrix IMAGES = images();
    private static final Matrix IMAGE_CLASSES = Matrix.of(new double[][] {
        {1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}, {0, 1}});

    private static Matrix images() {
        org.nn4j.core.random.NumpyRandom r = new org.nn4j.core.random.NumpyRandom(12);
        Matrix x = Matrix.zeros(8, 36);
        for (int s = 0; s < 8; s++) {
            for (int p = 0; p < 36; p++) {
                boolean left = p % 6 < 3;
                x.set(s, p, (left == (s % 2 == 0) ? 1.0 : 0.0) + 0.3 * r.nextDouble());
            }
        }
        return x;
    }

    /**
     * Convolutions (same padding, and valid with stride), batch normalisation (its running statistics are state),
     * max pooling, flatten and dropout, trained by Adam with weight decay and a step schedule.
     */
    static Sequential convnet() {
        return Sequential.builder().input(1, 6, 6)
                .conv2d(2, 3, 1, Padding.SAME).batchNormalization().activation(new Relu())
                .maxPool2d(2)
                .conv2d(3, 2, 2, Padding.VALID).activation(new Tanh())
                .flatten()
                .dropout(0.25)
                .dense(2)
                .weightInitializer(new org.nn4j.core.init.HeUniform()).biasInitializer(new org.nn4j.core.init.Zeros())
                .loss(new SoftmaxCrossEntropy())
                .optimizer(new Scheduled(new WeightDecay(new Adam(0.01), 1e-3), new StepDecay(2, 0.5), 1)).seed(9)
                .build();
    }

    @Test
    void theImageLayersRoundTripAndResumeExactly() throws IOException {
        ModelFormat format = ModelFormat.standard();
        Sequential model = convnet();
        model.fit(IMAGES, IMAGE_CLASSES, 3);
        StringWriter out = new StringWriter();
        format.saveCheckpoint(model, TrainingState.of(model, 3), out);
        String json = out.toString();
        assertEquals(List.of(), SchemaValidation.errors(json));
        assertTrue(json.contains("\"type\": \"conv2d\",\n      \"config\": {\n        \"channels\": 1,\n"
                + "        \"filters\": 2,\n        \"height\": 6,\n        \"kernelSize\": 3,\n"
                + "        \"padding\": \"same\",\n        \"stride\": 1,\n        \"width\": 6\n      },"), json);
        assertTrue(json.contains("\"type\": \"max-pool2d\",\n      \"config\": {\n        \"channels\": 2,\n"
                + "        \"height\": 6,\n        \"poolSize\": 2,\n        \"stride\": 2,\n        \"width\": 6\n"), json);

        assertTrue(json.contains("\"optimizer\": {\n    \"type\": \"scheduled\",\n    \"config\": {\n"
                + "      \"gamma\": 0.5,\n      \"schedule\": \"step\",\n      \"stepSize\": 2,\n"
                + "      \"stepsPerEpoch\": 1\n    },\n    \"optimizer\": {\n      \"type\": \"weight-decay\",\n"
                + "      \"config\": {\n        \"rate\": 0.001\n      },\n      \"optimizer\": {\n"
                + "        \"type\": \"adam\","), json);
        assertTrue(json.contains("\"scheduleStep/layers[0].weights\": [\n"), json);
        assertTrue(json.contains("\"type\": \"batch-normalization\",\n      \"config\": {\n        \"epsilon\": 0.001,\n"
                + "        \"features\": 2,\n        \"momentum\": 0.99\n      },"), json);
        // Three training epochs moved the running statistics away from 0 and 1; they are saved as the layer's state.
        org.nn4j.core.layers.BatchNormalization norm = (org.nn4j.core.layers.BatchNormalization) model.layers().get(1);
        assertTrue(norm.runningMean().get(0, 0) != 0 && norm.runningVariance().get(0, 1) != 1);
        assertTrue(json.contains("\"runningMean\": [\n          [" + norm.runningMean().get(0, 0) + ", "), json);

        Checkpoint loaded = format.loadCheckpoint(new StringReader(json));
        StringWriter again = new StringWriter();
        format.saveCheckpoint(loaded.model(), loaded.training().orElseThrow(), again);
        assertEquals(json, again.toString());
        assertEquals(model.predict(IMAGES), loaded.model().predict(IMAGES));
        assertEquals(model.state(), loaded.model().state());

        model.fit(IMAGES, IMAGE_CLASSES, 4);
        loaded.model().fit(IMAGES, IMAGE_CLASSES, 4);
        model.parameters().forEach((path, p) ->
                assertEquals(p.value(), loaded.model().parameters().get(path).value(), path));
        assertEquals(model.state(), loaded.model().state());
        assertEquals(model.optimizer().state(), loaded.model().optimizer().state());
    }

    @Test
    void imageLayerSettingsThatDoNotFitAreNamed() {
        String json = ModelFormat.standard().toJson(convnet());
        String features = json.replace("\"features\": 2,", "\"features\": 5,");
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFormat.standard().load(new StringReader(features)));
        assertTrue(e.getMessage().contains("cannot create \"batch-normalization\": features 5 must be positive and"
                + " divide the input's 72 columns"), e.getMessage());
        String padding = json.replace("\"padding\": \"same\"", "\"padding\": \"full\"");
        e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(new StringReader(padding)));
        assertTrue(e.getMessage().contains("Padding: expected \"valid\" or \"same\", got \"full\""), e.getMessage());
        String image = json.replace("\"height\": 6,\n        \"kernelSize\"", "\"height\": 5,\n        \"kernelSize\"");
        e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(new StringReader(image)));
        assertTrue(e.getMessage().contains("input is 1×6×6, expected 1×5×6"), e.getMessage());
        String schedule = json.replace("\"schedule\": \"step\"", "\"schedule\": \"linear\"");
        e = assertThrows(ModelFormatException.class, () -> ModelFormat.standard().load(new StringReader(schedule)));
        assertTrue(e.getMessage().contains("cannot create \"scheduled\": schedule must be \"step\" or \"cosine\","
                + " got \"linear\""), e.getMessage());
    }

    @Test
    void theNewBuiltInsAreSavedByTheirRegisteredNames() {
        Sequential model = standardized();
        String json = ModelFormat.standard().toJson(model);
        Standardize standardize = (Standardize) model.layers().get(0);
        assertTrue(json.startsWith("{\n  \"format\": \"nn4j-model\",\n  \"version\": 2,\n  \"inputShape\": [1, 1, 3],\n"
                + "  \"layers\": [\n    {\n      \"type\": \"standardize\",\n      \"state\": {\n        \"mean\": [\n"
                + "          [" + standardize.mean().get(0, 0) + ", "), json);
        assertTrue(json.contains("\"type\": \"dropout\",\n      \"config\": {\n        \"rate\": 0.3\n      }\n    }"),
                json);
        assertTrue(json.contains("\"loss\": {\n    \"type\": \"softmax-cross-entropy\"\n  }"), json);
        assertTrue(json.contains("\"optimizer\": {\n    \"type\": \"clip-by-global-norm\",\n    \"config\": {\n"
                + "      \"maxNorm\": 0.25\n    },\n    \"optimizer\": {\n      \"type\": \"adam\",\n"), json);
        assertEquals(List.of(), SchemaValidation.errors(json));
    }

    @Test
    void theBuiltInNamesAreStable() {
        TypeRegistry r = TypeRegistry.builtIns();
        assertEquals(List.of("dense", "softmax", "standardize", "dropout", "flatten", "conv2d", "max-pool2d", "batch-normalization", "sigmoid", "tanh", "relu", "leaky-relu",
                "identity", "softplus"), r.layerNames());
        assertEquals(List.of("mse", "binary-cross-entropy", "categorical-cross-entropy", "softmax-cross-entropy"),
                r.lossNames());
        assertEquals(List.of("sgd", "momentum", "adam", "clip-by-global-norm", "weight-decay", "scheduled"),
                r.optimizerNames());
    }
}
