package org.nn4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.data.Dataset;
import org.nn4j.core.data.TeachingSets;
import org.nn4j.core.init.HeNormal;
import org.nn4j.core.init.Zeros;
import org.nn4j.core.layers.ActivationLayer;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;
import org.nn4j.io.ModelFormat;

/**
 * Every exported model gives nn4j's outputs in ONNX Runtime, on random inputs, to within 1e-6 (in doubles, the
 * precision exported): the blog's XOR network, the spirals classifier as {@code nn4j spirals} builds it, an iris-like
 * classifier with standardisation and names as {@code nn4j train} builds it, and a model that uses every exportable
 * layer and activation. A layer without an ONNX form is refused by position and name.
 */
class OnnxExportTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir
    Path dir;

    @Test
    void xorGivesNn4jsOutputs() throws Exception {
        Sequential model = BlogNetwork.create(42, 2.0);
        model.fit(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Matrix.columnVector(0, 1, 1, 0), 2000);
        double error = compare(model, uniform(500, 2, -2, 3, 11), OnnxExport.OUTPUT);
        assertTrue(error < TOLERANCE, "largest difference " + error);
    }

    @Test
    void spiralsGivesNn4jsLogitsAndProbabilities() throws Exception {
        NumpyRandom random = new NumpyRandom(42);
        Dataset data = TeachingSets.spirals(100, 3, 0.1, random);
        Sequential model = Sequential.builder().input(2)
                .dense(32).activation(new Relu())
                .dense(32).activation(new Relu())
                .dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01))
                .weightInitializer(new HeNormal()).biasInitializer(new Zeros()).random(random).build();
        model.fit(data.inputs(), data.targets(), TrainingConfig.builder().epochs(100).batchSize(32).build());
        double accuracy = new Accuracy().value(model.predict(data.inputs()), data.targets());
        assertTrue(accuracy > 0.8, "the spirals model trained to " + accuracy);

        Matrix inputs = uniform(1000, 2, -1.5, 1.5, 12);
        double logits = compare(model, inputs, OnnxExport.OUTPUT);
        assertTrue(logits < TOLERANCE, "largest logit difference " + logits);
        try (OnnxRuntimeRunner runtime = new OnnxRuntimeRunner(OnnxExport.toBytes(model))) {
            Matrix probabilities = runtime.run(inputs, OnnxExport.PROBABILITIES);
            double error = maxDifference(Softmax.probabilities(model.predict(inputs)), probabilities);
            assertTrue(error < TOLERANCE, "largest probability difference " + error);
        }
    }

    @Test
    void irisWithStandardisationAndNamesGivesNn4jsOutputsAndCarriesTheNames() throws Exception {
        // An iris-like table: 3 species × 50 rows, 4 features on scales from 0.1 to 100 (so standardising matters).
        NumpyRandom random = new NumpyRandom(7);
        Matrix x = Matrix.zeros(150, 4);
        int[] labels = new int[150];
        for (int r = 0; r < 150; r++) {
            labels[r] = r / 50;
            for (int c = 0; c < 4; c++) {
                double scale = Math.pow(10, c - 1);
                x.set(r, c, scale * (5 + 1.2 * labels[r] * (c % 2 == 0 ? 1 : -1) + random.nextGaussian()));
            }
        }
        Sequential model = Sequential.builder().input(4)
                .layer(Standardize.adaptedTo(x))
                .dense(16).activation(new Relu())
                .dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).random(random).build()
                .withNames(ModelNames.of(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                        List.of("setosa", "versicolor", "virginica")));
        model.fit(x, Dataset.oneHot(labels, 3), TrainingConfig.builder().epochs(100).batchSize(32).build());
        assertTrue(new Accuracy().value(model.predict(x), Dataset.oneHot(labels, 3)) > 0.8);

        // Raw inputs around the data's range, as a served model receives them.
        Matrix inputs = uniform(500, 4, 0, 1, 13);
        for (int r = 0; r < inputs.rows(); r++) {
            for (int c = 0; c < 4; c++) {
                inputs.set(r, c, Math.pow(10, c - 1) * (1 + 9 * inputs.get(r, c)));
            }
        }
        double error = compare(model, inputs, OnnxExport.OUTPUT);
        assertTrue(error < TOLERANCE, "largest difference " + error);

        try (OnnxRuntimeRunner runtime = new OnnxRuntimeRunner(OnnxExport.toBytes(model))) {
            Map<String, String> metadata = runtime.session().getMetadata().getCustomMetadata();
            assertEquals("[\"sepal_length\", \"sepal_width\", \"petal_length\", \"petal_width\"]",
                    metadata.get(OnnxExport.FEATURES_KEY));
            assertEquals("[\"setosa\", \"versicolor\", \"virginica\"]", metadata.get(OnnxExport.CLASSES_KEY));
            assertEquals(OnnxExport.PRODUCER, runtime.session().getMetadata().getProducerName());
            TensorInfo input = (TensorInfo) runtime.session().getInputInfo().get(OnnxExport.INPUT).getInfo();
            assertArrayEquals(new long[] {-1, 4}, input.getShape(), "a batch of any size, 4 features");
            TensorInfo output = (TensorInfo) runtime.session().getOutputInfo().get(OnnxExport.OUTPUT).getInfo();
            assertArrayEquals(new long[] {-1, 3}, output.getShape());
            assertEquals(List.of(OnnxExport.OUTPUT, OnnxExport.PROBABILITIES),
                    List.copyOf(runtime.session().getOutputNames()));
        }
    }

    @Test
    void everyExportableLayerAndActivationGivesNn4jsOutputs() throws Exception {
        NumpyRandom random = new NumpyRandom(3);
        Matrix data = uniform(50, 3, -4, 4, 14);
        Sequential model = Sequential.builder().input(3)
                .layer(Standardize.adaptedTo(data))
                .dense(8).activation(new Tanh())
                .layer(new Dropout(0.3))
                .dense(8).activation(new LeakyRelu(0.2))
                .dense(8).activation(new Softplus())
                .dense(8).activation(new Sigmoid())
                .dense(8).activation(new Identity())
                .dense(6).activation(new Relu())
                .dense(4)
                .layer(new Softmax())
                .loss(new CategoricalCrossEntropy()).optimizer(new Sgd(0.1)).random(random).build();
        // Wide inputs, so LeakyRelu and Softplus see large negative and positive values too.
        double error = compare(model, uniform(2000, 3, -40, 40, 15), OnnxExport.OUTPUT);
        assertTrue(error < TOLERANCE, "largest difference " + error);
    }

    @Test
    void leakyReluAndSoftplusMatchExactlyFarOutOnBothSides() throws Exception {
        for (Activation activation : List.of(new LeakyRelu(0.01), new LeakyRelu(0.3), new LeakyRelu(0), new Softplus())) {
            Sequential model = Sequential.builder().input(1).layer(new ActivationLayer(activation))
                    .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
            Matrix inputs = Matrix.columnVector(-800, -40, -1, -1e-9, 0, 1e-9, 0.5, 30, 800);
            double error = compare(model, inputs, OnnxExport.OUTPUT);
            assertTrue(error < 1e-12, activation.describe() + ": largest difference " + error);
        }
    }

    @Test
    void aModelOfOnlyDropoutIsTheIdentity() throws Exception {
        Sequential model = Sequential.builder().input(3).layer(new Dropout(0.5))
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        Matrix inputs = uniform(10, 3, -1, 1, 16);
        assertEquals(0.0, compare(model, inputs, OnnxExport.OUTPUT));
    }

    @Test
    void aLayerWithoutAnOnnxFormIsRefusedByPositionAndNameAndNothingIsWritten() throws IOException {
        Activation swish = new Activation() {
            @Override
            public double apply(double x) {
                return x / (1 + Math.exp(-x));
            }

            @Override
            public double derivative(double x, double y) {
                double s = 1 / (1 + Math.exp(-x));
                return s + x * s * (1 - s);
            }

            @Override
            public String describe() {
                return "Swish";
            }
        };
        Sequential model = Sequential.builder().input(2)
                .dense(4).activation(swish)
                .dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        Path file = dir.resolve("swish.onnx");
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.write(model, file));
        assertEquals("cannot export to ONNX: layers[1] Swish has no ONNX form (of 4 layers; exportable: Dense, "
                + "Standardize, Dropout, Softmax and the activations Identity, Sigmoid, Tanh, Relu, LeakyRelu, "
                + "Softplus)", e.getMessage());
        assertEquals(List.of("layers[1] Swish"), e.layers());
        assertFalse(Files.exists(file), "nothing is written");
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count(), "no temporary file is left");
        }
    }

    @Test
    void everyRefusedLayerIsNamed() {
        Sequential model = Sequential.builder().input(2)
                .dense(3).activation(new Tanh())
                .layer(new Doubling())
                .dense(2)
                .layer(new Doubling())
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(1).build();
        OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExport.toBytes(model));
        assertEquals(List.of("layers[2] Doubling", "layers[4] Doubling"), e.layers());
        assertTrue(e.getMessage().startsWith("cannot export to ONNX: layers[2] Doubling, layers[4] Doubling have no "
                + "ONNX form (of 5 layers;"), e.getMessage());
    }

    /** A plug-in layer, {@code y = 2x}, that the exporter cannot know. */
    private static final class Doubling implements Layer {
        @Override
        public Matrix forward(Matrix input) {
            return input.scale(2);
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            return outputGradient.scale(2);
        }

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }
    }

    @Test
    void theFileIsTheBytesAndTheSameModelGivesTheSameBytes() throws Exception {
        Sequential model = BlogNetwork.create();
        Path file = dir.resolve("xor.onnx");
        OnnxExport.write(model, file);
        assertArrayEquals(OnnxExport.toBytes(model), Files.readAllBytes(file));
        assertArrayEquals(OnnxExport.toBytes(model), OnnxExport.toBytes(model));
    }

    @Test
    void convertReadsASavedModel() throws Exception {
        Sequential model = BlogNetwork.create();
        Path json = dir.resolve("xor.json");
        ModelFormat.standard().save(model, json);
        Path onnx = dir.resolve("xor.onnx");
        OnnxExport.convert(json, onnx);
        try (OnnxRuntimeRunner runtime = new OnnxRuntimeRunner(Files.readAllBytes(onnx))) {
            Matrix inputs = uniform(20, 2, -1, 2, 17);
            assertTrue(maxDifference(model.predict(inputs), runtime.run(inputs, OnnxExport.OUTPUT)) < TOLERANCE);
        }
    }

    /** The largest difference between nn4j's prediction and ONNX Runtime's output on the inputs. */
    private static double compare(Sequential model, Matrix inputs, String output) throws OrtException {
        try (OnnxRuntimeRunner runtime = new OnnxRuntimeRunner(OnnxExport.toBytes(model))) {
            Matrix onnx = runtime.run(inputs, output);
            return maxDifference(model.predict(inputs), onnx);
        }
    }

    static double maxDifference(Matrix expected, Matrix actual) {
        assertEquals(expected.shape(), actual.shape());
        return expected.minus(actual).maxAbs();
    }

    /** Uniform random inputs in [low, high), from a seeded generator. */
    static Matrix uniform(int rows, int cols, double low, double high, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(low, high));
        }
        return m;
    }
}
