package org.nn4j.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;
import org.nn4j.api.Training;

/** One layer's {@link Training} for a whole run: the model's generator, the batch, and what the layer saved. */
final class LayerTraining implements Training {

    private final RandomGenerator random;
    private final Map<String, Matrix> saved = new HashMap<>();
    private int epoch;
    private int batch;

    LayerTraining(RandomGenerator random) {
        this.random = random;
    }

    /** Moves to a new batch: what was saved for the last one is forgotten. */
    void startBatch(int epoch, int batch) {
        this.epoch = epoch;
        this.batch = batch;
        saved.clear();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public void save(String name, Matrix value) {
        saved.put(name, value);
    }

    @Override
    public Matrix saved(String name) {
        Matrix value = saved.get(name);
        if (value == null) {
            throw new IllegalStateException("Training.saved: nothing was saved under \"" + name + "\" in the forward"
                    + " pass of epoch " + epoch + ", batch " + batch + "; saved: " + saved.keySet());
        }
        return value;
    }
}
