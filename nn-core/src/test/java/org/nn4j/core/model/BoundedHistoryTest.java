package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A history keeps every epoch up to its capacity, then every k-th, with exact counts and final values. */
class BoundedHistoryTest {

    @Test
    void aLongRunKeepsAtMostTheCapacityOfEvenlySpacedEpochs() {
        TrainingHistory.Recorder recorder = new TrainingHistory.Recorder(Integer.MAX_VALUE, 8);
        for (int epoch = 0; epoch < 1_000_003; epoch++) {
            recorder.record(epoch, Map.of("val_loss", -epoch * 1.0));
        }
        TrainingHistory history = recorder.finish(java.util.Optional.empty());
        assertEquals(1_000_003, history.epochs());
        assertTrue(history.loss().size() <= 8, history.loss().toString());
        assertEquals(1_000_002.0, history.finalLoss());
        assertEquals(-1_000_002.0, history.finalMetric("val_loss"));
        int every = history.recordedEvery();
        assertEquals(Integer.bitCount(every), 1, "a power of two: " + every);
        List<Integer> epochs = history.recordedEpochs();
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i * every, epochs.get(i));
            assertEquals(i * every, history.loss().get(i));   // the value recorded is that epoch's own
            assertEquals(-i * every, history.metric("val_loss").get(i));
        }
        assertTrue(epochs.get(epochs.size() - 1) + 2L * every > 1_000_002, "the record spans the run: " + epochs);
    }

    @Test
    void aShortRunKeepsEveryEpoch() {
        TrainingHistory.Recorder recorder = new TrainingHistory.Recorder(5, 8);
        for (int epoch = 0; epoch < 8; epoch++) {
            recorder.record(epoch, Map.of());
        }
        TrainingHistory history = recorder.finish(java.util.Optional.empty());
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0), history.loss());
        assertEquals(1, history.recordedEvery());
    }
}
