package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;
import org.nn4j.core.random.NumpyRandom;

/**
 * The threading guarantees of {@link Sequential}: a model that is not being trained serves {@code predict} from
 * many threads with the sequential results bit for bit, and a {@link Sequential#snapshot()} serves unchanged while
 * its original trains.
 */
class ConcurrentInferenceTest {

    private static final int THREADS = 8;
    private static final int PREDICTIONS = 10_000;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    private static Sequential model() {
        return Sequential.builder().input(4).dense(16).activation(new Sigmoid()).dense(8).activation(new Sigmoid())
                .dense(3).loss(new MeanSquaredError()).optimizer(new Sgd(0.5)).seed(2024).build();
    }

    private static Matrix data(int rows, int cols, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.uniform(-2, 2));
        }
        return m;
    }

    @Test
    void eightThreadsTimesTenThousandPredictionsEqualTheSequentialResultsBitForBit() throws Exception {
        Sequential model = model();
        Matrix inputs = data(PREDICTIONS, 4, 1);
        Matrix[] expected = new Matrix[PREDICTIONS];
        for (int i = 0; i < PREDICTIONS; i++) {
            expected[i] = model.predict(inputs.row(i));
        }
        Matrix expectedBatch = model.predict(inputs);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * (PREDICTIONS / THREADS);
            results.add(pool.submit(() -> {
                start.await();
                int mismatches = 0;
                // Each thread walks the rows from its own starting point, so threads hit different rows at once.
                for (int k = 0; k < PREDICTIONS; k++) {
                    int i = (offset + k) % PREDICTIONS;
                    if (!model.predict(inputs.row(i)).equals(expected[i])) {
                        mismatches++;
                    }
                }
                if (!model.predict(inputs).equals(expectedBatch)) {
                    mismatches++;
                }
                return mismatches;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get(2, TimeUnit.MINUTES);
        }
        assertEquals(0, total, "predictions that differ from the sequential ones");
        // Sanity: the answers are not all the same, so equality above means something.
        assertNotEquals(expected[0], expected[1]);
    }

    @Test
    void aSnapshotIsADeepCopyThatTrainingTheOriginalDoesNotChange() {
        Sequential model = model();
        Matrix probe = data(50, 4, 2);
        Matrix before = model.predict(probe);
        Sequential snapshot = model.snapshot();
        assertTrue(snapshot.isSnapshot());
        assertEquals(before, snapshot.predict(probe));
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            Parameter copy = snapshot.parameters().get(e.getKey());
            assertNotSame(e.getValue(), copy);
            assertNotSame(e.getValue().value(), copy.value());
            assertEquals(e.getValue().value(), copy.value());
        }

        model.fit(probe, data(50, 3, 3), 20);

        assertNotEquals(before, model.predict(probe));
        assertEquals(before, snapshot.predict(probe));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> snapshot.fit(probe, probe, 1));
        assertEquals("Sequential.fit: this model is a snapshot for inference; train the model it was taken from",
                e.getMessage());
    }

    @Test
    void snapshotsServeManyThreadsWhileTheOriginalTrains() throws Exception {
        Sequential model = model();
        Matrix probe = data(20, 4, 4);
        Map<Sequential, Matrix> published = new ConcurrentHashMap<>();
        AtomicReference<Sequential> serving = new AtomicReference<>();
        Sequential first = model.snapshot();
        published.put(first, first.predict(probe));
        serving.set(first);
        // The documented pattern: a listener publishes a new snapshot after every epoch, on the training thread.
        TrainingListener publisher = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                Sequential snapshot = model.snapshot();
                published.put(snapshot, snapshot.predict(probe));
                serving.set(snapshot);
            }
        };
        AtomicBoolean training = new AtomicBoolean(true);
        List<Future<int[]>> servers = new ArrayList<>();
        for (int t = 0; t < THREADS - 1; t++) {
            Callable<int[]> server = () -> {
                int served = 0;
                int wrong = 0;
                do {
                    Sequential current = serving.get();
                    if (!current.predict(probe).equals(published.get(current))) {
                        wrong++;
                    }
                    served++;
                } while (training.get() || served < 100);
                return new int[] {served, wrong};
            };
            servers.add(pool.submit(server));
        }
        Matrix x = data(200, 4, 5);
        Matrix y = data(200, 3, 6).map(v -> v / 4 + 0.5);
        TrainingHistory history;
        try {
            history = model.fit(x, y, TrainingConfig.builder().epochs(30).batchSize(16).listener(publisher).build());
        } finally {
            training.set(false);
        }
        int wrong = 0;
        for (Future<int[]> f : servers) {
            int[] r = f.get(2, TimeUnit.MINUTES);
            assertTrue(r[0] >= 100);
            wrong += r[1];
        }
        assertEquals(0, wrong, "served predictions that differ from their snapshot's own");
        assertEquals(31, published.size());

        // Serving did not disturb training: the same run without any snapshots ends bit-identically.
        Sequential alone = model();
        TrainingHistory aloneHistory = alone.fit(x, y, TrainingConfig.builder().epochs(30).batchSize(16).build());
        assertEquals(aloneHistory.loss(), history.loss());
        assertEquals(alone.predict(probe), model.predict(probe));
        assertEquals(model.predict(probe), serving.get().predict(probe));
    }

    @Test
    void aLayerWithParametersThatCannotCopyItselfIsNamed() {
        Layer custom = new Layer() {
            private final Parameter scale = new Parameter("scale", Matrix.filled(1, 1, 2));

            @Override
            public Matrix forward(Matrix input) {
                return input.scale(scale.value().get(0, 0));
            }

            @Override
            public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
                return outputGradient.scale(scale.value().get(0, 0));
            }

            @Override
            public int outputSize(int inputSize) {
                return inputSize;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(scale);
            }

            @Override
            public String describe() {
                return "Scale";
            }
        };
        Sequential model = Sequential.builder().input(2).dense(2).layer(custom).loss(new MeanSquaredError())
                .optimizer(new Sgd(0.1)).seed(1).build();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, model::snapshot);
        assertEquals("Scale has parameters or state but does not implement Layer.copy()", e.getMessage());
    }
}
