package org.nn4j.api.training;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Training has ended.
 *
 * @param epochsCompleted how many epochs ran to the end, counted from the start of training: a run resumed after
 *     {@code k} epochs that trains 3 more reports {@code k + 3}
 * @param finalLoss the training loss of the last completed epoch ({@code NaN} if none completed)
 * @param stopReason why training stopped early, or empty if it ran every epoch
 * @param elapsed time since training started
 */
public record TrainingEnd(int epochsCompleted, double finalLoss, Optional<String> stopReason, Duration elapsed) {

    /**
     * Checks that the optional parts are present.
     *
     * @param epochsCompleted how many epochs ran to the end
     * @param finalLoss the training loss of the last completed epoch ({@code NaN} if none completed)
     * @param stopReason why training stopped early, or empty if it ran every epoch
     * @param elapsed time since training started
     */
    public TrainingEnd {
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
