package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.layers.BatchNormalization;
import org.nn4j.core.layers.Dropout;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.layers.Standardize;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.SequentialBuilder;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.ClipByGlobalNorm;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * save → load → save is byte-identical and predictions are bit-identical, for random architectures of every built-in
 * layer (standardisers with random state included) and activation, flat and image-shaped inputs, every built-in loss,
 * every built-in optimizer with random state, with and without a clip around it, and weights that include
 * subnormal, huge, negative-zero and arbitrary-bit doubles, with and without a training section.
 */
class RoundTripPropertyTest {

    private static final ModelFormat FORMAT = ModelFormat.of(TypeRegistry.builder()
            .optimizer("heavy", ExactResumeTest.Heavy.class, h -> Config.of("learningRate", h.rate(), "momentum", h.mu()),
                    c -> new ExactResumeTest.Heavy(c.getDouble("learningRate"), c.getDouble("momentum")))
            .build());

    /** How many random models the test saves and loads. */
    static final int CASES = 1000;

    /**
     * Each case draws its whole model from a {@link NumpyRandom} seeded with the case number, so a failure names
     * the case and reruns exactly (no property-testing library needed: the generators below are plain code).
     */
    @TestFactory
    Stream<DynamicTest> saveLoadSaveIsByteIdentical() {
        return IntStream.range(0, CASES).mapToObj(c -> DynamicTest.dynamicTest("case " + c, () -> roundTrip(c)));
    }

    private static void roundTrip(int caseNumber) throws IOException {
        NumpyRandom r = new NumpyRandom(caseNumber);
        int inputSize = 1 + r.nextInt(6);
        List<Integer> layerCodes = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
            layerCodes.add(r.nextInt(17) - 10);
        }
        List<Double> weights = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(50); i < n; i++) {
            weights.add(weight(r));
        }
        double learningRate = rate(r);
        boolean withTraining = r.nextBoolean();
        int optimizerKind = r.nextInt(4);
        double clipNorm = r.nextBoolean() ? rate(r) : 0;
        int lossKind = r.nextInt(4);
        int shapeKind = r.nextInt(4);
        double alpha = r.nextInt(1000) / 1000.0;
        long seed = r.nextInt() & 0xffffffffL;
        int draws = r.nextInt(1301);

        Sequential model = build(shape(inputSize, shapeKind), layerCodes, weights, learningRate, seed,
                new Kinds(optimizerKind, clipNorm, lossKind), alpha);
        for (int i = 0; i < draws; i++) {
            model.random().nextDouble();   // move the generator to any position, including past a twist
        }
        TrainingState training = withTraining ? TrainingState.of(model, draws) : null;
        String first = save(model, training);

        Checkpoint loaded = FORMAT.loadCheckpoint(new StringReader(first));
        String second = save(loaded.model(), loaded.training().orElse(null));

        assertEquals(first, second);
        for (var e : model.parameters().entrySet()) {
            assertEquals(e.getValue().value(), loaded.model().parameters().get(e.getKey()).value(), e.getKey());
        }
        Matrix input = probe(inputSize, seed);
        assertEquals(model.predict(input), loaded.model().predict(input), "predictions must be bit-identical");
        assertEquals(model.optimizer().state(), loaded.model().optimizer().state());
        assertEquals(model.state(), loaded.model().state());
        assertEquals(model.inputShape(), loaded.model().inputShape());
        assertEquals(withTraining, loaded.training().isPresent());
        if (withTraining) {
            NumpyRandom original = (NumpyRandom) model.random();
            NumpyRandom restored = (NumpyRandom) loaded.model().random();
            assertEquals(original.state(), restored.state());
            assertEquals(original.nextLong(), restored.nextLong());
        }
        assertTrue(SchemaValidation.errors(first).isEmpty(), () -> SchemaValidation.errors(first).toString());
    }

    private static String save(Sequential model, TrainingState training) throws IOException {
        StringWriter out = new StringWriter();
        if (training == null) {
            FORMAT.save(model, out);
        } else {
            FORMAT.saveCheckpoint(model, training, out);
        }
        return out.toString();
    }

    /** The input shape of a case: flat, or the same columns as 1×n, n×1 or 1×1×n. */
    private static int[] shape(int inputSize, int kind) {
        return switch (kind) {
            case 0 -> new int[] {inputSize};
            case 1 -> new int[] {1, inputSize};
            case 2 -> new int[] {inputSize, 1};
            default -> new int[] {1, 1, inputSize};
        };
    }

    /**
     * The optimizer and loss of a case.
     *
     * @param optimizer 0 Sgd, 1 the test's heavy ball, 2 Momentum, 3 Adam
     * @param clipNorm a clip's maxNorm around the optimizer, or 0 for none
     * @param loss 0 mean squared error, 1 binary and 2 categorical cross-entropy, 3 softmax cross-entropy
     */
    private record Kinds(int optimizer, double clipNorm, int loss) {
    }

    /**
     * Code k &gt; 0 is a dense layer of k units, codes 0 to -5 the built-in activations, -6 a softmax layer, -7 a
     * standardiser, -8 dropout, -9 flatten, -10 batch normalisation; parameters, layer state and optimizer state cycle through the weights.
     */
    private static Sequential build(int[] inputShape, List<Integer> codes, List<Double> weights, double rate,
            long seed, Kinds kinds, double alpha) {
        SequentialBuilder builder = Sequential.builder().input(inputShape);
        int size = Shape.of(inputShape).size();
        for (int code : codes) {
            switch (code) {
                case 0 -> builder.activation(new Sigmoid());
                case -1 -> builder.activation(new Tanh());
                case -2 -> builder.activation(new Relu());
                case -3 -> builder.activation(new LeakyRelu(alpha));
                case -4 -> builder.activation(new Identity());
                case -5 -> builder.activation(new Softplus());
                case -6 -> builder.layer(new Softmax());
                case -7 -> builder.layer(new Standardize(size));
                case -8 -> builder.layer(new Dropout(alpha));
                case -9 -> builder.flatten();
                case -10 -> builder.layer(new BatchNormalization(size, 1, alpha == 1 ? 0.5 : alpha, 1e-3 + alpha));
                default -> {
                    builder.dense(code);
                    size = code;
                }
            }
        }
        Optimizer optimizer = optimizer(kinds, rate, alpha);
        Sequential model = builder.loss(loss(kinds)).optimizer(optimizer).seed(seed).build();
        int k = 0;
        Map<String, Matrix> state = new LinkedHashMap<>();
        for (var e : model.parameters().entrySet()) {
            Parameter p = e.getValue();
            Matrix first = Matrix.zeros(p.value().rows(), p.value().cols());
            Matrix second = Matrix.zeros(p.value().rows(), p.value().cols());
            for (int i = 0; i < p.value().size(); i++) {
                p.value().setFlat(i, weights.get(k++ % weights.size()));
                first.setFlat(i, weights.get((k * 7) % weights.size()));
                second.setFlat(i, weights.get((k * 13) % weights.size()));
            }
            String path = e.getKey();
            if (kinds.optimizer() == 1 || kinds.optimizer() == 2) {
                state.put("velocity/" + path, first);
            } else if (kinds.optimizer() == 3) {
                state.put("m/" + path, first);
                state.put("v/" + path, second);
                state.put("step/" + path, Matrix.filled(1, 1, 1 + k));
            }
        }
        for (Matrix m : model.state().values()) {
            for (int i = 0; i < m.size(); i++) {
                m.setFlat(i, weights.get((k++ * 3) % weights.size()));
            }
        }
        optimizer.restoreState(state);
        return model;
    }

    private static Optimizer optimizer(Kinds kinds, double rate, double alpha) {
        Optimizer optimizer = switch (kinds.optimizer()) {
            case 0 -> new Sgd(rate);
            case 1 -> new ExactResumeTest.Heavy(rate, 0.9);
            case 2 -> new Momentum(rate, alpha, alpha > 0.5);
            default -> new Adam(rate, alpha, 0.999, 1e-8);
        };
        return kinds.clipNorm() > 0 ? new ClipByGlobalNorm(optimizer, kinds.clipNorm()) : optimizer;
    }

    private static Loss loss(Kinds kinds) {
        return switch (kinds.loss()) {
            case 0 -> new MeanSquaredError();
            case 1 -> new BinaryCrossEntropy();
            case 2 -> new CategoricalCrossEntropy();
            default -> new SoftmaxCrossEntropy();
        };
    }

    private static Matrix probe(int inputSize, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(3, inputSize);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(-3, 3));
        }
        return m;
    }

    /**
     * A weight from one of five families, in proportions 3:2:2:2:2: ordinary values in [-10, 10], subnormals,
     * huge values near {@code Double.MAX_VALUE}, arbitrary finite bit patterns and special values (±0, the extremes,
     * numbers with long decimal expansions).
     */
    private static double weight(NumpyRandom r) {
        int family = r.nextInt(11);
        if (family < 3) {
            return r.uniform(-10, 10);
        }
        if (family < 5) {
            double d = Double.longBitsToDouble(1 + (r.nextLong() >>> 12) % ((1L << 52) - 1));
            return r.nextBoolean() ? d : -d;
        }
        if (family < 7) {
            long low = Double.doubleToLongBits(1e300);
            long high = Double.doubleToLongBits(Double.MAX_VALUE);
            double d = Double.longBitsToDouble(low + (r.nextLong() >>> 1) % (high - low + 1));
            return r.nextBoolean() ? d : -d;
        }
        if (family < 9) {
            double d;
            do {
                d = Double.longBitsToDouble(r.nextLong());
            } while (!Double.isFinite(d));
            return d;
        }
        double[] special = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1.0, -1.0, 0.1, 1e-320, 2.0E-3, 1e23};
        return special[r.nextInt(special.length)];
    }

    /** A positive finite learning rate: usually in [1e-6, 10], sometimes any positive finite bit pattern. */
    private static double rate(NumpyRandom r) {
        if (r.nextBoolean()) {
            return r.uniform(1e-6, 10);
        }
        double d;
        do {
            d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
        } while (!(d > 0) || !Double.isFinite(d));
        return d;
    }
}
