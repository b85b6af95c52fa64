package org.nn4j.examples.playground;

/**
 * The caps on everything a page may ask of the server, so that no tab (and no hostile page) can make it build a
 * huge network, draw a million points or flood the connection. {@link Settings#parse} clamps every value into these
 * ranges and says so on the page.
 */
public final class Limits {

    /** Fewest points of a generated data set. */
    public static final int MIN_POINTS = 10;
    /** Most points of a generated data set. */
    public static final int MAX_POINTS = 1000;
    /** Largest noise (standard deviation added to each coordinate). */
    public static final double MAX_NOISE = 0.5;
    /** Smallest share of the points held out for testing, in percent. */
    public static final int MIN_SPLIT = 10;
    /** Largest share of the points held out for testing, in percent. */
    public static final int MAX_SPLIT = 90;
    /** Most hidden layers. */
    public static final int MAX_LAYERS = 6;
    /** Most neurons in one hidden layer. */
    public static final int MAX_NEURONS = 8;
    /** Smallest learning rate. */
    public static final double MIN_RATE = 1e-6;
    /** Largest learning rate. */
    public static final double MAX_RATE = 10;
    /** Largest batch size (0 is the whole data set). */
    public static final int MAX_BATCH = MAX_POINTS;
    /** Largest seed the numpy-compatible generator takes, 2³² − 1. */
    public static final long MAX_SEED = 4_294_967_295L;
    /** Largest epoch limit (0 is no limit). */
    public static final int MAX_EPOCHS = 1_000_000;
    /** Fastest training, in epochs per second. */
    public static final int MAX_SPEED = 100_000;
    /** Most updates the server pushes to a page each second. */
    public static final int MAX_UPDATES = 30;
    /** Most sessions (browser tabs) at once, each with its own training thread. */
    public static final int MAX_SESSIONS = 8;
    /** Longest request target (path and query) the server reads. */
    public static final int MAX_URI_LENGTH = 2048;
    /** Longest value of one parameter. */
    public static final int MAX_VALUE_LENGTH = 64;

    private Limits() {
    }
}
