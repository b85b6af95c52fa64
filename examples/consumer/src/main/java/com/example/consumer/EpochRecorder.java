package com.example.consumer;

import java.util.ArrayList;
import java.util.List;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;

/** A custom listener, written by the user of the library: it keeps every epoch's training loss. */
public final class EpochRecorder implements TrainingListener {

    private final List<Double> losses = new ArrayList<>();

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        losses.add(event.loss());
    }

    /** @return the loss of every epoch, in order */
    public List<Double> losses() {
        return List.copyOf(losses);
    }
}
