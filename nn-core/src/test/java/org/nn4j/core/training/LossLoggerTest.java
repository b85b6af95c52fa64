package org.nn4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.training.EpochEnd;

class LossLoggerTest {

    @Test
    void linesReadAsTheBlogs() {
        assertEquals("Epoch 100, Loss: 0.2511",
                LossLogger.format(new EpochEnd(100, 1000, 0.2511189419156392, Map.of(), Duration.ZERO)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_loss", 0.12345);
        assertEquals("Epoch 3, Loss: 0.5000, val_loss: 0.1235",
                LossLogger.format(new EpochEnd(3, 10, 0.5, metrics, Duration.ZERO)));
    }

    @Test
    void intervalMustBePositive() {
        assertEquals("LossLogger: every must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new LossLogger(0)).getMessage());
    }
}
