package org.nn4j.io;

import org.nn4j.core.model.BlogNetwork;
import org.nn4j.core.model.Sequential;

/** Models the tests save and load. */
final class Models {

    private Models() {
    }

    /** The blog's 2-4-1 sigmoid network, seed 42, SGD 0.2. */
    static Sequential xor() {
        return BlogNetwork.create();
    }
}
