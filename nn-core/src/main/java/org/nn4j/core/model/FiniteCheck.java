package org.nn4j.core.model;

import java.util.Map;
import java.util.Optional;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * The trainer's divergence check after every step: is the loss, every layer's output and every parameter finite?
 * <pre>
 *   loss      the batch's loss                          "loss is NaN at epoch 3, batch 7 (loss = NaN)"
 *   outputs   trace[1] … trace[n], in layer order       "layer 0 (Dense(2→4)) output holds NaN at row 0, column 2"
 *   params    every parameter after the update          "layers[0].weights holds Infinity at row 1, column 0"
 * </pre>
 * Every layer's output is checked, not only the model's, because a later layer can hide a NaN: a ReLU computes
 * {@code x > 0 ? x : 0}, which is 0 for NaN, so the loss stays finite while the weights before it are already
 * lost. The first problem in this order is the one reported, so the message names the layer where it starts.
 *
 * <p>Cost: one read of each output and each parameter per step, no allocation; docs/reliability.md (The trainer's
 * divergence check) has its measured cost on the MLP benchmark.
 */
final class FiniteCheck {

    private FiniteCheck() {
    }

    /**
     * @param loss the batch's loss
     * @param trace {@code trace[i + 1]} is layer i's output in this step
     * @param model names the layers
     * @param parameters the parameters after the update, by path
     * @param epoch the epoch, for the message
     * @param batch the batch, for the message
     * @return why training must stop, or empty if every value is finite
     */
    static Optional<String> problem(double loss, Matrix[] trace, Sequential model, Map<String, Parameter> parameters,
            int epoch, int batch) {
        String where = " at epoch " + epoch + ", batch " + batch;
        if (!Double.isFinite(loss)) {
            return Optional.of("loss is " + (Double.isNaN(loss) ? "NaN" : "infinite") + where + " (loss = " + loss
                    + ")");
        }
        for (int i = 1; i < trace.length; i++) {
            if (!trace[i].isFinite()) {
                return Optional.of(model.layerName(i - 1) + " output holds " + firstNonFinite(trace[i]) + where);
            }
        }
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Matrix value = e.getValue().value();
            if (!value.isFinite()) {
                return Optional.of(e.getKey() + " holds " + firstNonFinite(value) + " after the update" + where);
            }
        }
        return Optional.empty();
    }

    /** The first value that is not finite and where it is, such as {@code NaN at row 0, column 2}. */
    private static String firstNonFinite(Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            double v = m.getFlat(i);
            if (!Double.isFinite(v)) {
                return v + " at row " + i / m.cols() + ", column " + i % m.cols();
            }
        }
        return "no non-finite value";
    }
}
