package org.nn4j.engine;

import java.util.Locale;

/**
 * Picks the engine from the {@code nn4j.kernel} and {@code nn4j.threads} properties (see {@link Engine}). The
 * vector classes are named directly, on one branch only: the JVM loads a class when code first runs that needs
 * it, so a JVM without {@code jdk.incubator.vector} never loads them, nor the incubator API they use.
 */
final class KernelChoice {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private KernelChoice() {
    }

    /** The choice of this JVM, made when {@link #chosen()} is first called. */
    private static final class Chosen {
        static final Engine ENGINE = engine(System.getProperty("nn4j.kernel", "auto"),
                System.getProperty("nn4j.threads"));

        private Chosen() {
        }
    }

    /** @return the engine chosen for this JVM */
    static Engine chosen() {
        return Chosen.ENGINE;
    }

    /**
     * @param kernel the {@code nn4j.kernel} property: {@code auto}, {@code vector}, {@code scalar} or
     *        {@code reference}
     * @param threads the {@code nn4j.threads} property, or {@code null}
     * @return the engine they describe
     * @throws IllegalArgumentException as {@link #kernel} and {@link #threads} do
     */
    static Engine engine(String kernel, String threads) {
        int count = threads(threads);
        return switch (kernel(kernel)) {
            case "reference" -> Engine.reference();
            case "scalar" -> new FastEngine(new ScalarKernel(), ExpKernel.SCALAR, count);
            default -> new FastEngine(new VectorKernel(), new VectorExpKernel(), count);
        };
    }

    /**
     * @param property {@code auto}, {@code vector}, {@code scalar} or {@code reference}, in any case
     * @return {@code vector}, {@code scalar} or {@code reference}: what that choice means in this JVM
     * @throws IllegalArgumentException if the property has another value, or asks for {@code vector} in a JVM
     *         without the vector module
     */
    static String kernel(String property) {
        String wanted = property.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "scalar":
            case "reference":
                return wanted;
            case "vector":
                if (!vectorModulePresent()) {
                    throw new IllegalArgumentException("nn4j.kernel=vector needs the JVM option --add-modules "
                            + VECTOR_MODULE + "; use nn4j.kernel=auto or scalar without it");
                }
                return wanted;
            case "auto":
                return vectorModulePresent() ? "vector" : "scalar";
            default:
                throw new IllegalArgumentException("nn4j.kernel must be auto, vector, scalar or reference, got \""
                        + property + "\"");
        }
    }

    /**
     * @param property a positive thread count, or {@code null} for the available processors
     * @return the thread count
     * @throws IllegalArgumentException if the property is not a positive integer
     */
    static int threads(String property) {
        if (property == null || property.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(property.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("nn4j.threads must be a positive integer, got \"" + property + "\"");
    }

    /** @return whether this JVM was started with {@code --add-modules jdk.incubator.vector} (or resolves it) */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
