package org.nn4j.engine;

import java.util.Locale;

/**
 * Picks the product kernel and thread count from the {@code nn4j.kernel} and {@code nn4j.threads} properties (see
 * {@link Products}). The vector kernel's class is named here as a string and loaded only when the
 * {@code jdk.incubator.vector} module is in the boot layer, so a JVM started without it never loads a class that
 * refers to the incubator API.
 */
final class KernelChoice {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.nn4j.api.VectorKernel";
    private static final String VECTOR_EXP = "org.nn4j.api.VectorExpKernel";

    private KernelChoice() {
    }

    /**
     * @param property {@code auto}, {@code vector} or {@code scalar}
     * @return the kernel to use
     * @throws IllegalArgumentException if the property has another value, or asks for {@code vector} in a JVM
     *         without the vector module
     */
    static ProductKernel kernel(String property) {
        return usesVector(property) ? vectorKernel() : new ScalarKernel();
    }

    /**
     * @param property {@code auto}, {@code vector} or {@code scalar}, as for {@link #kernel}
     * @return the exponential kernel that goes with that product kernel
     * @throws IllegalArgumentException as {@link #kernel} does
     */
    static ExpKernel expKernel(String property) {
        return usesVector(property) ? (ExpKernel) load(VECTOR_EXP) : ExpKernel.SCALAR;
    }

    /**
     * @param property {@code auto}, {@code vector} or {@code scalar}
     * @return whether that choice means the Vector API kernels in this JVM
     * @throws IllegalArgumentException if the property has another value, or asks for {@code vector} in a JVM
     *         without the vector module
     */
    static boolean usesVector(String property) {
        String wanted = property.trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "scalar":
                return false;
            case "vector":
                if (!vectorModulePresent()) {
                    throw new IllegalArgumentException("nn4j.kernel=vector needs the JVM option --add-modules "
                            + VECTOR_MODULE + "; use nn4j.kernel=auto or scalar without it");
                }
                return true;
            case "auto":
                return vectorModulePresent();
            default:
                throw new IllegalArgumentException("nn4j.kernel must be auto, vector or scalar, got \"" + property
                        + "\"");
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
        // A loop, not findModule: that one streams over the parent layers, and every program asks this at start.
        for (Module module : ModuleLayer.boot().modules()) {
            if (module.getName().equals(VECTOR_MODULE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads the vector kernel by name. This is the one reflective call in nn-api: referring to the class directly
     * would let the JVM load it (and the incubator API) where the module is absent.
     */
    static ProductKernel vectorKernel() {
        return (ProductKernel) load(VECTOR_KERNEL);
    }

    private static Object load(String className) {
        try {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the vector kernel could not be loaded although " + VECTOR_MODULE
                    + " is present", e);
        }
    }
}
