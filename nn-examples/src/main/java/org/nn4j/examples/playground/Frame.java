package org.nn4j.examples.playground;

import org.nn4j.core.model.Sequential;

/**
 * What a session looked like at one moment, for the pages to draw: published by the training thread, read by the
 * event streams. Immutable: the model is a {@link Sequential#snapshot() snapshot}.
 *
 * @param generation counts resets, so that a stream knows when the data and the curve start again
 * @param version counts frames, so that a stream sends only new ones
 * @param experiment the settings and the data
 * @param model a snapshot of the network
 * @param epoch epochs trained
 * @param trainLoss the last epoch's training loss, or the untrained network's before the first epoch
 * @param testLoss the test loss after the last epoch (or before the first)
 * @param running whether training is going on
 * @param status one sentence about the state, such as why training stopped
 * @param curve the loss curve
 */
record Frame(long generation, long version, Experiment experiment, Sequential model, int epoch, double trainLoss,
        double testLoss, boolean running, String status, LossCurve.Copy curve) {
}
