package org.nn4j.core;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;
import org.nn4j.api.Training;
import org.nn4j.core.random.NumpyRandom;

/** A {@link Training} for calling a layer's training passes directly in tests: a seeded generator, epoch and batch 0. */
public final class FixedTraining implements Training {

    private final RandomGenerator random;
    private final Map<String, Matrix> saved = new HashMap<>();

    /** @param seed the seed of the {@link NumpyRandom} the layer draws from */
    public FixedTraining(long seed) {
        this.random = new NumpyRandom(seed);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public int epoch() {
        return 0;
    }

    @Override
    public int batch() {
        return 0;
    }

    @Override
    public void save(String name, Matrix value) {
        saved.put(name, value);
    }

    @Override
    public Matrix saved(String name) {
        Matrix value = saved.get(name);
        if (value == null) {
            throw new IllegalStateException("nothing saved under " + name);
        }
        return value;
    }
}
