package org.nn4j.core.init;

/** Checks the fan sizes the scaled initializers divide by. */
final class Fans {

    private Fans() {
    }

    static int positive(int fanIn, String who) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException(who + ": fanIn must be positive, got " + fanIn);
        }
        return fanIn;
    }

    static int sum(int fanIn, int fanOut, String who) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException(who + ": fanIn and fanOut must be positive, got " + fanIn + " and "
                    + fanOut);
        }
        return fanIn + fanOut;
    }
}
