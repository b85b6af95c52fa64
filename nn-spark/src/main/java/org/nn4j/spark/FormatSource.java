package org.nn4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;
import org.nn4j.io.ModelFormat;

/**
 * How an executor gets the {@link ModelFormat} that reads the model it is sent: the standard one, or one whose
 * registry knows a user's own layers, activations, losses or optimizers. It is sent to the executors, so it must be
 * serializable: a lambda cast to this type is.
 * <pre>
 *   FormatSource mine = () -&gt; ModelFormat.of(TypeRegistry.builder() ... .build());
 * </pre>
 */
@FunctionalInterface
public interface FormatSource extends Supplier<ModelFormat>, Serializable {

    /** @return the source of {@link ModelFormat#standard()}, which knows every built-in */
    static FormatSource standard() {
        return ModelFormat::standard;
    }
}
