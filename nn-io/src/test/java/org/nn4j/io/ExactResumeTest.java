package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.random.NumpyRandom;

/**
 * A checkpoint (optimizer state and training section) resumes mini-batch training bit for bit: training 6 epochs,
 * saving, loading and training 6 more equals training 12 epochs without stopping. Shuffling is off here; the
 * training loop now shuffles a fresh order every epoch from the generator alone, so shuffled runs resume exactly
 * too ({@code CheckpointResumeTest} in {@code org.nn4j.io.checkpoint}).
 */
class ExactResumeTest {

    /** Heavy-ball momentum, v ← μ·v − η·g, p ← p + v: a stateful optimizer registered from the test. */
    static final class Heavy implements Optimizer {
        private final double rate;
        private final double mu;
        private final Map<String, Matrix> velocity = new LinkedHashMap<>();

        Heavy(double rate, double mu) {
            this.rate = rate;
            this.mu = mu;
        }

        double rate() {
            return rate;
        }

        double mu() {
            return mu;
        }

        @Override
        public void update(Map<String, Parameter> parameters) {
            parameters.forEach((path, p) -> {
                Matrix v = velocity.computeIfAbsent(path, k -> Matrix.zeros(p.value().rows(), p.value().cols()));
                v.scaleInPlace(mu);
                v.addScaledInPlace(-rate, p.gradient());
                p.value().addInPlace(v);
            });
        }

        @Override
        public Map<String, Matrix> state() {
            Map<String, Matrix> state = new LinkedHashMap<>();
            velocity.forEach((path, v) -> state.put("velocity/" + path, v.copy()));
            return state;
        }

        @Override
        public void restoreState(Map<String, Matrix> state) {
            velocity.clear();
            state.forEach((key, m) -> {
                if (!key.startsWith("velocity/")) {
                    throw new IllegalArgumentException("Heavy: unknown state key " + key);
                }
                velocity.put(key.substring("velocity/".length()), m.copy());
            });
        }
    }

    private static final TypeRegistry REGISTRY = TypeRegistry.builder()
            .optimizer("heavy", Heavy.class, h -> Config.of("learningRate", h.rate(), "momentum", h.mu()),
                    c -> new Heavy(c.getDouble("learningRate"), c.getDouble("momentum")))
            .build();
    private static final ModelFormat FORMAT = ModelFormat.of(REGISTRY);

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}, {0.2, 0.9}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0, 1, 1);

    private static TrainingConfig epochs(int n) {
        return TrainingConfig.builder().epochs(n).batchSize(4).shuffle(false).build();
    }

    private static Sequential model() {
        return Sequential.builder().input(2).dense(3).activation(new Sigmoid()).dense(1).activation(new Sigmoid())
                .loss(new MeanSquaredError()).optimizer(new Heavy(0.5, 0.9)).seed(3).build();
    }

    @Test
    void trainingResumesBitForBitFromACheckpoint() throws IOException {
        Sequential straight = model();
        straight.fit(X, Y, epochs(12));

        Sequential first = model();
        first.fit(X, Y, epochs(6));
        StringWriter out = new StringWriter();
        FORMAT.saveCheckpoint(first, TrainingState.of(first, 6), out);
        String json = out.toString();
        assertTrue(json.contains("\"velocity/layers[0].weights\": ["), json);
        assertTrue(json.contains("\"epochsCompleted\": 6"), json);
        assertEquals(java.util.List.of(), SchemaValidation.errors(json));

        Checkpoint resumed = FORMAT.loadCheckpoint(new StringReader(json));
        assertEquals(6, resumed.training().orElseThrow().epochsCompleted());
        assertEquals(((NumpyRandom) first.random()).state(), ((NumpyRandom) resumed.model().random()).state());
        resumed.model().fit(X, Y, epochs(6));

        straight.parameters().forEach((path, p) ->
                assertEquals(p.value(), resumed.model().parameters().get(path).value(), path));
    }

    @Test
    void withoutTheTrainingSectionTheGeneratorIsSeededWithZero() throws IOException {
        Sequential loaded = FORMAT.load(new StringReader(FORMAT.toJson(model())));
        assertEquals(new NumpyRandom(0).state(), ((NumpyRandom) loaded.random()).state());
        assertThrows(IllegalArgumentException.class, () -> TrainingState.of(Sequential.builder().input(1).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Heavy(1, 0)).random(new java.util.Random(1)).build(), 0));
    }

    @Test
    void stateTheOptimizerRefusesIsAFormatErrorAtTheState() throws IOException {
        Sequential trained = model();
        trained.fit(X, Y, epochs(1));
        String json = FORMAT.toJson(trained).replace("\"velocity/layers[0].bias\"", "\"speed/layers[0].bias\"");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> FORMAT.load(new StringReader(json)));
        assertEquals("optimizer.state", e.path());
        assertTrue(e.getMessage().contains("Heavy: unknown state key speed/layers[0].bias"), e.getMessage());
    }
}
