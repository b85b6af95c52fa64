package org.nn4j.core.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingEnd;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.api.training.TrainingStart;
import org.nn4j.core.text.Decimals;

/**
 * Stops training when a monitored number has stopped improving, and can put back the weights of its best epoch.
 * <pre>
 *   after every epoch:   value = the monitored metric ("loss" is the training loss)
 *                        improved  ⇔  value &lt; best − minDelta     (or  &gt; best + minDelta  when maximising)
 *                        if improved: best ← value, wait ← 0, remember the weights (if restoring)
 *                        else:        wait ← wait + 1;  if wait ≥ patience: stop
 *   at training end:     if restoring: copy the remembered weights back into the model
 * </pre>
 * By default it monitors {@code val_loss} (minimised) and fails with an {@link IllegalStateException} at the first
 * epoch that does not report that metric, rather than silently never stopping. Metrics whose name ends in
 * {@code accuracy} are maximised, everything else minimised. The optimizer's state (momentum, Adam's moments) is
 * not rewound with the weights.
 *
 * <p>One instance keeps the best weights of one run: use a new instance for every {@code fit}.
 */
public final class EarlyStopping implements TrainingListener {

    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private final boolean maximise;

    private double best;
    private int bestEpoch;
    private int wait;
    private Map<String, Matrix> bestWeights;

    /**
     * @param monitor the metric to watch: {@code loss} for the training loss, or a metric name such as
     *     {@code val_loss} or {@code val_accuracy}
     * @param patience epochs without improvement to wait before stopping, at least 1
     * @param minDelta the smallest change that counts as an improvement, 0 or more
     * @param restoreBestWeights whether to put back the best epoch's weights when training ends
     * @throws IllegalArgumentException if a value is out of range
     */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        if (monitor.isBlank()) {
            throw new IllegalArgumentException("EarlyStopping: monitor must name a metric, such as val_loss");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("EarlyStopping: patience must be at least 1, got " + patience);
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("EarlyStopping: minDelta must be 0 or more, got " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
        this.maximise = monitor.endsWith("accuracy");
        this.best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        this.bestEpoch = -1;
    }

    /**
     * Watches {@code val_loss}, with minimum delta 0, restoring the best weights.
     *
     * @param patience epochs without improvement to wait before stopping, at least 1
     * @return the listener
     */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping("val_loss", patience, 0.0, true);
    }

    @Override
    public void onTrainingStart(TrainingStart event, TrainingControl control) {
        best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(EpochEnd event, TrainingControl control) {
        double value = monitor.equals("loss") ? event.loss() : event.metric(monitor).orElseThrow(() ->
                new IllegalStateException("EarlyStopping: epoch " + event.epoch() + " reports no metric \""
                        + monitor + "\"; it has loss and " + event.metrics().keySet()
                        + " (validation metrics need validation data or a validation split)"));
        boolean improved = maximise ? value > best + minDelta : value < best - minDelta;
        if (improved) {
            best = value;
            bestEpoch = event.epoch();
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = copy(control.parameters());
            }
            return;
        }
        wait++;
        if (wait >= patience) {
            control.requestStop("early stopping: " + monitor + " did not improve by more than " + minDelta
                    + " for " + patience + " epochs (best " + Decimals.fixed(best, 6) + " at epoch " + bestEpoch
                    + ")");
        }
    }

    @Override
    public void onTrainingEnd(TrainingEnd event, TrainingControl control) {
        if (restoreBestWeights && bestWeights != null) {
            for (Map.Entry<String, Parameter> e : control.parameters().entrySet()) {
                e.getValue().value().copyFromInPlace(bestWeights.get(e.getKey()));
            }
        }
    }

    private static Map<String, Matrix> copy(Map<String, Parameter> parameters) {
        Map<String, Matrix> copy = new LinkedHashMap<>();
        parameters.forEach((path, p) -> copy.put(path, p.value().copy()));
        return copy;
    }

    /** @return the monitored metric's name */
    public String monitor() {
        return monitor;
    }

    /** @return epochs without improvement to wait before stopping */
    public int patience() {
        return patience;
    }

    /** @return the smallest change that counts as an improvement */
    public double minDelta() {
        return minDelta;
    }

    /** @return whether the best epoch's weights are put back at the end */
    public boolean restoreBestWeights() {
        return restoreBestWeights;
    }

    /** @return the best epoch of the last run (from 0), or −1 if none has been seen */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return the best monitored value of the last run ({@code ±∞} if none has been seen) */
    public double best() {
        return best;
    }
}
