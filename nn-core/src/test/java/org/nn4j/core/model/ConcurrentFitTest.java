package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;

/**
 * Two {@code fit} calls on one model at once would interleave their updates and corrupt it: the second is refused
 * with {@link IllegalStateException} and the first run is exactly an undisturbed one.
 */
class ConcurrentFitTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);
    private static final String REFUSAL = "Sequential.fit: this model is already being trained (fit was called"
            + " again, from another thread or from a listener, before the first call returned); one model trains"
            + " in one fit at a time";

    @Test
    void aSecondThreadsFitIsRefusedAndTheFirstRunIsUndisturbed() throws Exception {
        Sequential model = BlogNetwork.create(42, 2);
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch refused = new CountDownLatch(1);
        TrainingListener pauseAtEpoch10 = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                if (event.epoch() == 10) {
                    training.countDown();
                    try {
                        assertTrue(refused.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingHistory> first = pool.submit(() -> model.fit(X, Y, 100, pauseAtEpoch10));
            assertTrue(training.await(30, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.fit(X, Y, 100));
            assertEquals(REFUSAL, e.getMessage());
            refused.countDown();
            assertEquals(100, first.get(30, TimeUnit.SECONDS).epochs());
        } finally {
            pool.shutdownNow();
        }

        Sequential undisturbed = BlogNetwork.create(42, 2);
        undisturbed.fit(X, Y, 100);
        undisturbed.parameters().forEach((path, p) ->
                assertEquals(p.value(), model.parameters().get(path).value(), path));
        // Once the first fit has returned the model trains again.
        assertEquals(5, model.fit(X, Y, 5).epochs());
    }

    @Test
    void fitFromAListenerOfTheSameModelIsRefusedAndNamed() {
        Sequential model = BlogNetwork.create(42, 2);
        TrainingListener reentrant = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                model.fit(X, Y, 1);
            }
        };
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y, 3, reentrant));
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertEquals(REFUSAL, e.getCause().getMessage());
        assertEquals(0, e.epoch());
    }

    @Test
    void fitOnSamplesIsRefusedWhileTheModelTrainsToo() {
        Sequential model = BlogNetwork.create(42, 2);
        TrainingListener reentrant = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                model.fit(org.nn4j.core.data.Samples.of(X, Y), TrainingConfig.builder().epochs(1).build());
            }
        };
        TrainingException e = assertThrows(TrainingException.class, () -> model.fit(X, Y, 3, reentrant));
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertEquals(REFUSAL, e.getCause().getMessage());
        assertEquals(2, model.fit(org.nn4j.core.data.Samples.of(X, Y), TrainingConfig.builder().epochs(2).build())
                .epochs(), "after the refusal, the model trains again");
    }
}
