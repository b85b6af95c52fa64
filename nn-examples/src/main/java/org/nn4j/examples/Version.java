package org.nn4j.examples;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest (or {@code development} when run from classes). */
public final class Version implements IVersionProvider {

    /** Created by picocli. */
    public Version() {
    }

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"nn4j " + (version == null ? "development" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
