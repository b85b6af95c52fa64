package org.nn4j.examples.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.training.LossLogger;
import org.slf4j.LoggerFactory;

/**
 * The loss logger of a run whose logging starts on another thread ({@link LoggingStart}): it waits for that start at
 * the first epoch's end, then logs what a {@link LossLogger} logs, at the same epochs.
 */
class LateLossLoggerTest {

    /** Neither logger stops training: it never uses the control. */
    private static final TrainingControl CONTROL = null;

    @Test
    void theFirstEpochEndWaitsUntilTheLoggingHasStarted() {
        AtomicBoolean started = new AtomicBoolean();
        LoggingStart logging = LoggingStart.begin(() -> {
            sleep(200);
            started.set(true);
        });
        LateLossLogger logger = new LateLossLogger(5, logging);
        logger.onEpochEnd(epochEnd(0, 0.25), CONTROL);
        assertTrue(started.get(), "the first epoch's line went out before the logging had started");
    }

    @Test
    void logsTheLossLoggersLinesAtTheSameEpochs() {
        Logger target = assertInstanceOf(Logger.class, LoggerFactory.getLogger(LossLogger.class));
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        target.addAppender(events);
        try {
            LateLossLogger logger = new LateLossLogger(3, LoggingStart.begin());
            for (int epoch = 0; epoch < 8; epoch++) {
                logger.onEpochEnd(epochEnd(epoch, 0.5 / (epoch + 1)), CONTROL);
            }
        } finally {
            target.detachAppender(events);
        }
        assertEquals(List.of("Epoch 0, Loss: 0.5000", "Epoch 3, Loss: 0.1250", "Epoch 6, Loss: 0.0714"),
                events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsKept() {
        AtomicBoolean started = new AtomicBoolean();
        LoggingStart logging = LoggingStart.begin(() -> {
            sleep(100);
            started.set(true);
        });
        Thread.currentThread().interrupt();
        logging.await();
        assertTrue(Thread.interrupted(), "the interrupt was lost");
        assertTrue(started.get(), "await returned before the logging had started");
    }

    @Test
    void rejectsANonPositiveIntervalAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LateLossLogger(0, LoggingStart.begin(() -> { })));
        assertTrue(e.getMessage().contains("every must be positive, got 0"), e.getMessage());
    }

    @Test
    void logModeWithAStartedLoggingGivesTheLateLoggerAndOtherModesAreUnchanged() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LoggingStart logging = LoggingStart.begin(() -> { });
        List<TrainingListener> log = Progress.listeners(ProgressMode.LOG, out, 10, logging);
        assertEquals(1, log.size());
        assertInstanceOf(LateLossLogger.class, log.get(0));
        assertInstanceOf(LossLogger.class, Progress.listeners(ProgressMode.LOG, out, 10, null).get(0));
        assertEquals(List.of(), Progress.listeners(ProgressMode.NONE, out, 10, logging));
        assertInstanceOf(ProgressBarListener.class, Progress.listeners(ProgressMode.BAR, out, 10, logging).get(0));
    }

    private static EpochEnd epochEnd(int epoch, double loss) {
        return new EpochEnd(epoch, 8, loss, Map.of(), Duration.ZERO);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
