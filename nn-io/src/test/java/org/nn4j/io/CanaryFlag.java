package org.nn4j.io;

/** Raised by {@link Canary}'s static initializer; test-only mutable state. */
final class CanaryFlag {

    static volatile boolean initialized;

    private CanaryFlag() {
    }
}
