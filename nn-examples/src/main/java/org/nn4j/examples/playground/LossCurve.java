package org.nn4j.examples.playground;

import java.util.ArrayList;
import java.util.List;

/**
 * The training and test loss of every epoch, thinned so that it never holds more than {@value #MAX_POINTS} points:
 * it keeps the epochs that are multiples of a stride, and when it is full it drops every other point and doubles
 * the stride. A curve over a million epochs is then as cheap to send and draw as one over a thousand. Not
 * thread-safe: the session's lock guards it, and {@link #copy()} hands out an immutable copy.
 */
final class LossCurve {

    /** The most points kept. */
    static final int MAX_POINTS = 1000;

    private final List<double[]> points = new ArrayList<>();
    private int stride = 1;

    /**
     * @param epoch the epoch, from 0
     * @param train its training loss
     * @param test the test loss after it
     */
    void record(int epoch, double train, double test) {
        if (epoch % stride != 0) {
            return;
        }
        points.add(new double[] {epoch, train, test});
        if (points.size() > MAX_POINTS) {
            stride *= 2;
            points.removeIf(p -> (long) p[0] % stride != 0);
        }
    }

    /** @return the points and the stride as they are now */
    Copy copy() {
        double[][] copy = new double[points.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = points.get(i).clone();
        }
        return new Copy(stride, copy);
    }

    /**
     * The curve at one moment.
     *
     * @param stride the epochs kept are its multiples
     * @param points {@code {epoch, training loss, test loss}} in epoch order
     */
    record Copy(int stride, double[][] points) {
    }
}
