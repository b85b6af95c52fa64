package org.nn4j.examples;

import org.nn4j.api.Matrix;
import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version recorded in the jar's manifest (or {@code development} when run from classes), the product
 * kernel in use ({@link Matrix#productKernel()}: {@code vector ...} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, {@code scalar ...} otherwise) and the Java runtime.
 */
public final class Version implements IVersionProvider {

    /** Created by picocli. */
    public Version() {
    }

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"nn4j " + (version == null ? "development" : version),
                "kernel: " + Matrix.productKernel(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
