package org.nn4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.model.TrainingHistory;

/**
 * Data-parallel training on Spark gives the weights of {@code Sequential.fit} on one machine, bit for bit, with the
 * same seed, batch size, data order and shards; and the same history and events.
 */
class SameNumbersTest {

    private static final Matrix[] TRAIN = LocalSpark.flowers(150, 1);
    private static final Matrix[] CHECK = LocalSpark.flowers(30, 2);

    private static TrainingConfig.Builder config(List<String> events) {
        return TrainingConfig.builder().epochs(4).batchSize(16).shards(4).metric(new Accuracy())
                .validation(CHECK[0], CHECK[1]).listener(new Recorder(events));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local[2]", "local[4]"})
    void sparkTrainsTheWeightsOfFitBitForBit(String master) {
        List<String> oneMachineEvents = new ArrayList<>();
        Sequential oneMachine = LocalSpark.classifier();
        TrainingHistory expected = oneMachine.fit(TRAIN[0], TRAIN[1], config(oneMachineEvents).build());

        List<String> sparkEvents = new ArrayList<>();
        Sequential onSpark = LocalSpark.classifier();
        int partitions = master.equals("local[2]") ? 2 : 4;
        TrainingHistory actual = DataParallelTrainer.on(LocalSpark.on(master)).partitions(partitions)
                .fit(onSpark, TRAIN[0], TRAIN[1], config(sparkEvents).build());

        assertSameWeights(oneMachine, onSpark);
        assertEquals(expected.loss(), actual.loss());
        assertEquals(expected.metric("accuracy"), actual.metric("accuracy"));
        assertEquals(expected.validationLoss(), actual.validationLoss());
        assertEquals(expected.metric("val_accuracy"), actual.metric("val_accuracy"));
        assertEquals(oneMachineEvents, sparkEvents);
        assertEquals(1 + 4 * 10 + 4 + 1, sparkEvents.size(), "start, 10 batches and an end per epoch, the end");
        assertTrue(actual.finalMetric("val_accuracy") > 0.8, "it learns: " + actual);
    }

    @Test
    void oneShardIsThePlainTextbookFit() {
        Sequential oneMachine = LocalSpark.classifier();
        oneMachine.fit(TRAIN[0], TRAIN[1], TrainingConfig.builder().epochs(2).batchSize(32).build());
        Sequential onSpark = LocalSpark.classifier();
        DataParallelTrainer.on(LocalSpark.on("local[2]"))
                .fit(onSpark, TRAIN[0], TRAIN[1], TrainingConfig.builder().epochs(2).batchSize(32).build());
        assertSameWeights(oneMachine, onSpark);
    }

    /**
     * Arrival order adds each partition's whole share in one pass and lets Spark add the partitions in any order:
     * the same training up to rounding (docs/spark.md gives the bound), not the same bits.
     */
    @Test
    void arrivalOrderIsTheSameTrainingUpToRounding() {
        Sequential fixed = LocalSpark.classifier();
        TrainingConfig config = TrainingConfig.builder().epochs(4).batchSize(16).shards(4).build();
        DataParallelTrainer trainer = DataParallelTrainer.on(LocalSpark.on("local[2]")).partitions(2);
        trainer.fit(fixed, TRAIN[0], TRAIN[1], config);
        Sequential arrival = LocalSpark.classifier();
        trainer.order(GradientOrder.ARRIVAL).fit(arrival, TRAIN[0], TRAIN[1], config);
        double worst = 0;
        for (String path : fixed.parameters().keySet()) {
            Matrix a = fixed.parameters().get(path).value();
            Matrix b = arrival.parameters().get(path).value();
            for (int i = 0; i < a.size(); i++) {
                worst = Math.max(worst, Math.abs(a.getFlat(i) - b.getFlat(i)) / Math.max(1, Math.abs(a.getFlat(i))));
            }
        }
        System.out.printf("arrival order vs fixed order after 40 Adam steps: largest weight difference %.3g%n", worst);
        assertTrue(worst < 1e-12, "arrival order drifted " + worst);
    }

    @Test
    void badConfigurationsAreRefusedWithTheReason() {
        DataParallelTrainer trainer = DataParallelTrainer.on(LocalSpark.on("local[2]"));
        Sequential model = LocalSpark.classifier();
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class, () -> trainer.fit(model,
                TRAIN[0], TRAIN[1], TrainingConfig.builder().epochs(1).validationSplit(0.2).build()));
        assertTrue(split.getMessage().contains("validation split is not supported"), split.getMessage());
        IllegalArgumentException partitions = assertThrows(IllegalArgumentException.class, () -> trainer
                .partitions(4).fit(model, TRAIN[0], TRAIN[1], TrainingConfig.builder().epochs(1).shards(2).build()));
        assertTrue(partitions.getMessage().contains("4 partitions for 2 shards"), partitions.getMessage());
        assertNotEquals(null, model.parameters());
    }

    static void assertSameWeights(Sequential expected, Sequential actual) {
        for (String path : expected.parameters().keySet()) {
            Matrix a = expected.parameters().get(path).value();
            Matrix b = actual.parameters().get(path).value();
            for (int i = 0; i < a.size(); i++) {
                assertEquals(Double.doubleToRawLongBits(a.getFlat(i)), Double.doubleToRawLongBits(b.getFlat(i)),
                        path + "[" + i + "]: " + a.getFlat(i) + " on one machine, " + b.getFlat(i) + " on Spark");
            }
        }
        assertEquals(expected.optimizer().state().keySet(), actual.optimizer().state().keySet());
        expected.optimizer().state().forEach((k, v) -> assertEquals(v, actual.optimizer().state().get(k), k));
    }

    /** Writes down every event with its numbers, so two runs' events can be compared exactly. */
    private record Recorder(List<String> events) implements TrainingListener {
        @Override
        public void onTrainingStart(TrainingStart e, TrainingControl control) {
            events.add("start " + e);
        }

        @Override
        public void onBatchEnd(BatchEnd e, TrainingControl control) {
            events.add("batch " + e.epoch() + "/" + e.batch() + "/" + e.batchesPerEpoch() + " " + e.loss());
        }

        @Override
        public void onEpochEnd(EpochEnd e, TrainingControl control) {
            events.add("epoch " + e.epoch() + " " + e.loss() + " " + e.metrics());
        }

        @Override
        public void onTrainingEnd(TrainingEnd e, TrainingControl control) {
            events.add("end " + e.epochsCompleted() + " " + e.finalLoss() + " " + e.stopReason());
        }
    }
}
