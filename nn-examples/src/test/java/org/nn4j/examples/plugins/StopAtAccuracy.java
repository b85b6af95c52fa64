package org.nn4j.examples.plugins;

import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;

/** Stops training once the validation accuracy reaches a target: good enough is good enough. */
public final class StopAtAccuracy implements TrainingListener {

    private final double target;

    /** @param target the validation accuracy to reach, in (0, 1] */
    public StopAtAccuracy(double target) {
        this.target = target;
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        double accuracy = event.metric("val_accuracy").orElse(0);
        if (accuracy >= target) {
            control.requestStop("val_accuracy " + accuracy + " reached " + target + " at epoch " + event.epoch());
        }
    }
}
