package org.nn4j.examples.plugins;

import java.io.IOException;
import java.nio.file.Path;
import org.nn4j.core.model.Sequential;
import org.nn4j.io.ModelFormat;

/** Saves a model that uses Swish and loads it back. */
public final class SwishRoundTrip {

    private SwishRoundTrip() {
    }

    /**
     * @param model a model with Swish activations
     * @param file where to save it
     * @return the model loaded back from the file
     * @throws IOException if the file cannot be written or read
     */
    public static Sequential saveAndLoad(Sequential model, Path file) throws IOException {
        ModelFormat format = SwishFormat.create();
        format.save(model, file);
        return format.load(file);
    }
}
