package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Identity;
import org.nn4j.core.activations.LeakyRelu;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.activations.Softplus;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.BinaryCrossEntropy;
import org.nn4j.core.losses.CategoricalCrossEntropy;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.SequentialBuilder;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.optimizers.Momentum;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * save → load → save is byte-identical and predictions are bit-identical, for random architectures of every built-in
 * layer and activation, every built-in optimizer with random state, and weights that include subnormal, huge,
 * negative-zero and arbitrary-bit doubles, with and without a training section.
 */
class RoundTripPropertyTest {

    private static final ModelFormat FORMAT = ModelFormat.of(TypeRegistry.builder()
            .optimizer("heavy", ExactResumeTest.Heavy.class, h -> Config.of("learningRate", h.rate(), "momentum", h.mu()),
                    c -> new ExactResumeTest.Heavy(c.getDouble("learningRate"), c.getDouble("momentum")))
            .build());

    @Property(tries = 1000)
    void saveLoadSaveIsByteIdentical(
            @ForAll @IntRange(min = 1, max = 6) int inputSize,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = -6, max = 6) Integer> layerCodes,
            @ForAll @Size(min = 1, max = 50) List<@net.jqwik.api.From("weights") Double> weights,
            @ForAll("rates") double learningRate,
            @ForAll boolean withTraining,
            @ForAll @IntRange(min = 0, max = 3) int optimizerKind,
            @ForAll @IntRange(min = 0, max = 2) int lossKind,
            @ForAll @IntRange(min = 0, max = 999) int alphaPerMille,
            @ForAll @LongRange(min = 0, max = 0xffffffffL) long seed,
            @ForAll @IntRange(min = 0, max = 1300) int draws) throws IOException {
        Sequential model = build(inputSize, layerCodes, weights, learningRate, seed, optimizerKind, lossKind,
                alphaPerMille / 1000.0);
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

    /**
     * Code k &gt; 0 is a dense layer of k units, codes 0 to -5 the built-in activations, -6 a softmax layer;
     * parameters and optimizer state cycle through the weights.
     */
    private static Sequential build(int inputSize, List<Integer> codes, List<Double> weights, double rate,
            long seed, int optimizerKind, int lossKind, double alpha) {
        SequentialBuilder builder = Sequential.builder().input(inputSize);
        for (int code : codes) {
            switch (code) {
                case 0 -> builder.activation(new Sigmoid());
                case -1 -> builder.activation(new Tanh());
                case -2 -> builder.activation(new Relu());
                case -3 -> builder.activation(new LeakyRelu(alpha));
                case -4 -> builder.activation(new Identity());
                case -5 -> builder.activation(new Softplus());
                case -6 -> builder.layer(new Softmax());
                default -> builder.dense(code);
            }
        }
        Optimizer optimizer = switch (optimizerKind) {
            case 0 -> new Sgd(rate);
            case 1 -> new ExactResumeTest.Heavy(rate, 0.9);
            case 2 -> new Momentum(rate, alpha, alpha > 0.5);
            default -> new Adam(rate, alpha, 0.999, 1e-8);
        };
        Loss loss = switch (lossKind) {
            case 0 -> new MeanSquaredError();
            case 1 -> new BinaryCrossEntropy();
            default -> new CategoricalCrossEntropy();
        };
        Sequential model = builder.loss(loss).optimizer(optimizer).seed(seed).build();
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
            if (optimizerKind == 1 || optimizerKind == 2) {
                state.put("velocity/" + path, first);
            } else if (optimizerKind == 3) {
                state.put("m/" + path, first);
                state.put("v/" + path, second);
                state.put("step/" + path, Matrix.filled(1, 1, 1 + k));
            }
        }
        optimizer.restoreState(state);
        return model;
    }

    private static Matrix probe(int inputSize, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(3, inputSize);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(-3, 3));
        }
        return m;
    }

    @Provide
    Arbitrary<Double> weights() {
        Arbitrary<Double> subnormal = Arbitraries.longs().between(1, (1L << 52) - 1)
                .map(bits -> Double.longBitsToDouble(bits))
                .flatMap(d -> Arbitraries.of(d, -d));
        Arbitrary<Double> huge = Arbitraries.longs().between(Double.doubleToLongBits(1e300), Double.doubleToLongBits(Double.MAX_VALUE)).map(Double::longBitsToDouble)
                .flatMap(d -> Arbitraries.of(d, -d));
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> special = Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.1, 1e-320, 2.0E-3, 1e23);
        Arbitrary<Double> ordinary = Arbitraries.doubles().ofScale(17).between(-10, 10);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, ordinary), net.jqwik.api.Tuple.of(2, subnormal),
                net.jqwik.api.Tuple.of(2, huge), net.jqwik.api.Tuple.of(2, anyBits), net.jqwik.api.Tuple.of(2, special));
    }

    @Provide
    Arbitrary<Double> rates() {
        return Arbitraries.oneOf(Arbitraries.doubles().ofScale(8).between(1e-6, 10),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> d > 0 && Double.isFinite(d)));
    }

}
