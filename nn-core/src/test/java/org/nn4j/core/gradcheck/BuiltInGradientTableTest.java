package org.nn4j.core.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Activation;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.core.FixedTraining;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.init.GlorotUniform;
import org.nn4j.core.init.Uniform;
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
import org.nn4j.core.random.NumpyRandom;

/**
 * The gradient-check table of every built-in layer, activation and loss: each is checked with the public
 * {@link GradientCheck} (ε = 1e-6, floor 1e-5), the table is printed and written to
 * {@code target/gradient-check.md} (docs/gradient-check.md must hold the same table), and every worst relative error must be
 * below {@link #TABLE_TOLERANCE}, a hundred times stricter than the assertion's default.
 */
class BuiltInGradientTableTest {

    static final double TABLE_TOLERANCE = 1e-7;

    private final NumpyRandom random = new NumpyRandom(2026);

    private Matrix uniform(int rows, int cols, double low, double high) {
        return uniform(random, rows, cols, low, high);
    }

    private static Matrix uniform(NumpyRandom random, int rows, int cols, double low, double high) {
        Matrix m = Matrix.zeros(rows, cols);
        new Uniform(low, high).initialize(m, rows, cols, random);
        return m;
    }

    /** Points in [−2, 2] kept at least 0.1 away from the kink at 0 of ReLU and leaky ReLU. */
    private Matrix awayFromZero(int rows, int cols) {
        return uniform(rows, cols, -2, 2).map(x -> Math.abs(x) < 0.1 ? x + Math.copySign(0.2, x) : x);
    }

    private Matrix oneHot(int rows, int classes) {
        Matrix y = Matrix.zeros(rows, classes);
        for (int i = 0; i < rows; i++) {
            y.set(i, random.nextInt(classes), 1);
        }
        return y;
    }

    List<GradientCheckReport> checkEveryBuiltIn() {
        GradientCheck check = new GradientCheck();
        List<GradientCheckReport> reports = new ArrayList<>();

        Dense dense = new Dense(3, 4);
        new GlorotUniform().initialize(dense.weights().value(), 3, 4, random);
        new Uniform(-0.5, 0.5).initialize(dense.bias().value(), 3, 4, random);
        reports.add(check.check(dense, uniform(5, 3, -1, 1)));
        reports.add(check.check(new Softmax(), uniform(4, 3, -2, 2)));
        reports.add(check.check(Standardize.adaptedTo(uniform(6, 3, -3, 5)), uniform(4, 3, -2, 2)));
        reports.add(check.check(new InTraining(new Dropout(0.5), 7), uniform(4, 3, -2, 2)));

        for (Activation a : List.of(new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(0.1), new Identity(),
                new Softplus())) {
            reports.add(check.check(a, awayFromZero(4, 3)));
        }

        Matrix predicted = uniform(4, 3, -1, 1);
        reports.add(check.check(new MeanSquaredError(), predicted, uniform(4, 3, -1, 1)));
        Matrix probabilities = uniform(4, 3, 0.05, 0.95);
        Matrix bits = uniform(4, 3, 0, 1).map(x -> x < 0.5 ? 0 : 1);
        reports.add(check.check(new BinaryCrossEntropy(), probabilities, bits));
        Matrix targets = oneHot(4, 3);
        reports.add(check.check(new CategoricalCrossEntropy(), Softmax.probabilities(uniform(4, 3, -2, 2)),
                targets));
        reports.add(check.check(new SoftmaxCrossEntropy(), uniform(4, 3, -2, 2), targets));
        reports.addAll(imageLayers(check));
        return reports;
    }

    /** The layers for images, from their own generator (seed 2027), so that the rows above keep their inputs. */
    private static List<GradientCheckReport> imageLayers(GradientCheck check) {
        NumpyRandom random = new NumpyRandom(2027);
        List<GradientCheckReport> reports = new ArrayList<>();
        reports.add(check.check(new Flatten(), uniform(random, 2, 12, -2, 2)));
        Conv2D valid = new Conv2D(Shape.of(2, 5, 5), 3, 3, 1, Padding.VALID);
        new GlorotUniform().initialize(valid.weights().value(), valid.fanIn(), valid.fanOut(), random);
        new Uniform(-0.5, 0.5).initialize(valid.bias().value(), valid.fanIn(), valid.fanOut(), random);
        reports.add(check.check(valid, uniform(random, 2, 50, -1, 1)));
        Conv2D same = new Conv2D(Shape.of(2, 5, 4), 3, 3, 2, Padding.SAME);
        new GlorotUniform().initialize(same.weights().value(), same.fanIn(), same.fanOut(), random);
        new Uniform(-0.5, 0.5).initialize(same.bias().value(), same.fanIn(), same.fanOut(), random);
        reports.add(check.check(same, uniform(random, 2, 40, -1, 1)));
        reports.add(check.check(new MaxPool2D(Shape.of(2, 4, 4), 2), uniform(random, 2, 32, -2, 2)));
        reports.add(check.check(new InTraining(batchNormalization(random, Shape.of(4)), 7),
                uniform(random, 5, 4, -2, 3)));
        reports.add(check.check(new InTraining(batchNormalization(random, Shape.of(2, 2, 3)), 7),
                uniform(random, 3, 12, -2, 3)));
        reports.add(check.check(batchNormalization(random, Shape.of(2, 2, 3)), uniform(random, 3, 12, -2, 3)));
        return reports;
    }

    @Test
    void everyBuiltInPassesAndTheTableIsPrinted() throws IOException {
        List<GradientCheckReport> reports = checkEveryBuiltIn();
        StringBuilder table = new StringBuilder(GradientCheckReport.tableHeader());
        for (GradientCheckReport r : reports) {
            table.append(r.tableRows());
        }
        System.out.println("Gradient check of every built-in (epsilon 1e-6, floor 1e-5):");
        System.out.print(table);
        Path out = Path.of("target", "gradient-check.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);

        String docs = Files.readString(Path.of("..", "docs", "gradient-check.md"), StandardCharsets.UTF_8);
        assertTrue(docs.contains(table), "docs/gradient-check.md must record this table:\n" + table);
        assertEquals(21, reports.size());
        assertEquals(33, table.toString().lines().count() - 2);
        for (GradientCheckReport r : reports) {
            assertTrue(r.passes(TABLE_TOLERANCE), r.toString());
            GradientAssertions.assertPasses(r, GradientAssertions.DEFAULT_TOLERANCE);
        }
    }

    @Test
    void sameInputsSameTable() {
        String first = tableOf(checkEveryBuiltIn());
        String second = tableOf(new BuiltInGradientTableTest().checkEveryBuiltIn());
        assertEquals(first, second);
    }

    private static String tableOf(List<GradientCheckReport> reports) {
        StringBuilder table = new StringBuilder();
        reports.forEach(r -> table.append(r.tableRows()));
        return table.toString();
    }

    /** Batch normalisation with γ, β and the running statistics drawn, so that none is 0 or 1. */
    private static BatchNormalization batchNormalization(NumpyRandom random, Shape shape) {
        BatchNormalization norm = BatchNormalization.forShape(shape, 0.9, 0.01);
        new Uniform(0.5, 1.5).initialize(norm.gamma().value(), 1, 1, random);
        new Uniform(-0.5, 0.5).initialize(norm.beta().value(), 1, 1, random);
        new Uniform(-0.5, 0.5).initialize(norm.runningMean(), 1, 1, random);
        new Uniform(0.5, 2).initialize(norm.runningVariance(), 1, 1, random);
        return norm;
    }

    /**
     * A layer in training mode, seen as a plain layer for the finite differences: every forward pass gets a fresh
     * {@link FixedTraining} whose generator starts from the same seed, so each perturbed pass draws the same mask.
     */
    record InTraining(Layer layer, long seed) implements Layer {
        @Override
        public Matrix forward(Matrix input) {
            return layer.forward(input, new FixedTraining(seed));
        }

        @Override
        public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
            FixedTraining training = new FixedTraining(seed);
            layer.forward(input, training);
            return layer.backward(input, output, outputGradient, training);
        }

        @Override
        public int outputSize(int inputSize) {
            return layer.outputSize(inputSize);
        }

        @Override
        public java.util.List<org.nn4j.api.Parameter> parameters() {
            return layer.parameters();
        }

        @Override
        public String describe() {
            return layer.describe() + " (training)";
        }
    }
}
