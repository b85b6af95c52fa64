package org.nn4j.spark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nn4j.core.model.Sequential;

/**
 * The models an executor has read, so that a model is parsed once per executor thread rather than once per task:
 * a training run starts a Spark job for every batch, and reading a model's JSON costs more than a small batch's
 * gradient. A task {@link #borrow borrows} a model (reading one if none is free) and {@link #giveBack gives it
 * back}; a borrowed model is used by that task alone, since a gradient pass writes the model's gradients.
 *
 * <p>This is the module's one piece of static mutable state, for the reason above: an executor is a JVM that Spark
 * keeps between tasks, and a static holder is how state outlives a task there. It holds the models of the last
 * {@value #KEEP} documents seen; each is identified by the key its driver chose.
 */
final class WorkerModels {

    private static final int KEEP = 4;
    private static final Map<String, Deque<Sequential>> FREE = new LinkedHashMap<>(16, 0.75f, true);

    private WorkerModels() {
    }

    /**
     * @param key the driver's name for this model document, unique per run
     * @param json the model document
     * @param format reads it
     * @return a model of its own for the calling task
     */
    static Sequential borrow(String key, String json, FormatSource format) {
        synchronized (FREE) {
            Deque<Sequential> free = FREE.get(key);
            if (free != null && !free.isEmpty()) {
                return free.pop();
            }
        }
        try {
            return format.get().load(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException("nn-spark: the executor cannot read the model it was sent: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param key the key it was borrowed under
     * @param model the model, free for the next task
     */
    static void giveBack(String key, Sequential model) {
        synchronized (FREE) {
            FREE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(model);
            while (FREE.size() > KEEP) {
                String eldest = FREE.keySet().iterator().next();
                FREE.remove(eldest);
            }
        }
    }
}
