package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.BatchEnd;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.losses.MeanSquaredError;
import org.nn4j.core.optimizers.Sgd;

class ListenerOrderTest {

    private static Sequential model() {
        return Sequential.builder().input(2).dense(3).activation(new Sigmoid()).dense(1)
                .loss(new MeanSquaredError()).optimizer(new Sgd(0.1)).seed(5).build();
    }

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.5, 0.5}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0, 1);

    @Test
    void listenersHearStartBatchesEpochsAndEndInTheDocumentedOrder() {
        TrainingListener first = mock(TrainingListener.class);
        TrainingListener second = mock(TrainingListener.class);
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(2).listener(first).listener(second)
                .build();
        model().fit(X, Y, config);

        InOrder order = inOrder(first, second);
        order.verify(first).onTrainingStart(argThat(s -> s.equals(new TrainingStart(2, 5, 2, 3))), any());
        order.verify(second).onTrainingStart(any(), any());
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int batch = 0; batch < 3; batch++) {
                int e = epoch;
                int b = batch;
                order.verify(first).onBatchEnd(argThat(ev -> ev.epoch() == e && ev.batch() == b), any());
                order.verify(second).onBatchEnd(argThat(ev -> ev.epoch() == e && ev.batch() == b), any());
            }
            int e = epoch;
            order.verify(first).onEpochEnd(argThat(ev -> ev.epoch() == e && ev.epochs() == 2), any());
            order.verify(second).onEpochEnd(argThat(ev -> ev.epoch() == e), any());
        }
        order.verify(first).onTrainingEnd(argThat(end -> end.epochsCompleted() == 2
                && end.stopReason().isEmpty()), any());
        order.verify(second).onTrainingEnd(any(), any());
        order.verifyNoMoreInteractions();
    }

    @Test
    void aListenerStopsTrainingCleanlyWithAReason() {
        TrainingListener stopper = mock(TrainingListener.class);
        doAnswer(inv -> {
            EpochEnd event = inv.getArgument(0);
            if (event.epoch() == 2) {
                inv.<TrainingControl>getArgument(1).requestStop("enough at epoch " + event.epoch());
            }
            return null;
        }).when(stopper).onEpochEnd(any(), any());
        TrainingListener watcher = mock(TrainingListener.class);

        TrainingHistory history = model().fit(X, Y, 100, stopper, watcher);

        assertEquals(3, history.epochs());
        assertEquals(Optional.of("enough at epoch 2"), history.stopReason());
        verify(watcher, times(3)).onEpochEnd(any(EpochEnd.class), any());
        verify(watcher, times(3)).onBatchEnd(any(BatchEnd.class), any());
        verify(watcher).onTrainingEnd(argThat((TrainingEnd end) -> end.epochsCompleted() == 3
                && end.stopReason().equals(Optional.of("enough at epoch 2"))
                && end.finalLoss() == history.finalLoss()), any());
        verify(watcher, never()).onEpochEnd(argThat(ev -> ev.epoch() == 3), any());
    }

    @Test
    void validationLossIsReportedAsAMetric() {
        TrainingConfig config = TrainingConfig.builder().epochs(3).validation(X, Y).build();
        Sequential model = model();
        TrainingHistory history = model.fit(X, Y, config);
        assertEquals(3, history.metric("val_loss").size());
        // Validation runs after the epoch's update, so it equals the loss of the updated model on the same data.
        assertEquals(new MeanSquaredError().value(model.predict(X), Y), history.metric("val_loss").get(2));
    }
}
