package org.nn4j.examples.plugins;

import org.nn4j.io.Config;
import org.nn4j.io.ModelFormat;
import org.nn4j.io.TypeRegistry;

/** The JSON format with Swish registered: files name it "swish" and keep its beta. */
public final class SwishFormat {

    private SwishFormat() {
    }

    /** @return the standard format plus the "swish" activation */
    public static ModelFormat create() {
        TypeRegistry registry = TypeRegistry.builder()            // the built-in types, plus:
                .activation("swish", Swish.class,
                        swish -> Config.of("beta", swish.beta()),     // what to save
                        config -> new Swish(config.getDouble("beta"))) // how to create it again
                .build();
        return ModelFormat.of(registry);
    }
}
