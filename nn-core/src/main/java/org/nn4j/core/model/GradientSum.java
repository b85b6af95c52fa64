package org.nn4j.core.model;

import java.io.Serializable;
import java.util.Collection;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * A weighted gradient of the loss on some rows of a batch, as one flat array: every parameter's gradient in the
 * model's parameter order, each row by row, and the weighted loss beside it. The pieces of a batch that is computed
 * in shards ({@link ShardTree}) travel and are added up as these.
 * <pre>
 *   leaf:  w·∂L_s/∂p   and   w·L_s        for shard s's rows of the batch, w = n_s / n
 *   sum:   (a + b)[i] = a[i] + b[i]       element by element, in the order the caller chooses
 * </pre>
 * Immutable (the array is never handed out), and serializable so that a cluster can send it.
 */
public final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every parameter's weighted gradient, in the model's parameter order, each row by row. */
    private final double[] gradients;
    /** The weighted loss. */
    private final double loss;

    private GradientSum(double[] gradients, double loss) {
        this.gradients = gradients;
        this.loss = loss;
    }

    /**
     * Reads the gradients a {@link GradientPass} left in the parameters, times a weight.
     *
     * @param weight the share of the batch these rows are, {@code n_s / n}
     * @param loss the loss of these rows alone
     * @param parameters the model's parameters, in the model's order
     * @return {@code weight·∂L/∂p} for every parameter, and {@code weight·loss}
     */
    public static GradientSum weighted(double weight, double loss, Collection<Parameter> parameters) {
        int size = 0;
        for (Parameter p : parameters) {
            size += p.gradient().size();
        }
        double[] values = new double[size];
        int at = 0;
        for (Parameter p : parameters) {
            Matrix g = p.gradient();
            for (int i = 0; i < g.size(); i++) {
                values[at++] = weight * g.getFlat(i);
            }
        }
        return new GradientSum(values, weight * loss);
    }

    /**
     * @param other a sum over the same parameters
     * @return {@code this + other}, element by element (this one's values on the left of each addition)
     * @throws IllegalArgumentException if the two hold different numbers of values
     */
    public GradientSum plus(GradientSum other) {
        if (other.gradients.length != gradients.length) {
            throw new IllegalArgumentException("GradientSum.plus: " + gradients.length + " values and "
                    + other.gradients.length + " values");
        }
        double[] values = new double[gradients.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = gradients[i] + other.gradients[i];
        }
        return new GradientSum(values, loss + other.loss);
    }

    /**
     * Writes these gradients into the parameters' gradient matrices, ready for the optimizer.
     *
     * @param parameters the model's parameters, in the order {@link #weighted} read them
     * @throws IllegalArgumentException if they hold a different number of values
     */
    public void copyInto(Collection<Parameter> parameters) {
        int size = 0;
        for (Parameter p : parameters) {
            size += p.gradient().size();
        }
        if (size != gradients.length) {
            throw new IllegalArgumentException("GradientSum.copyInto: " + gradients.length
                    + " values for parameters holding " + size);
        }
        int at = 0;
        for (Parameter p : parameters) {
            Matrix g = p.gradient();
            for (int i = 0; i < g.size(); i++) {
                g.setFlat(i, gradients[at++]);
            }
        }
    }

    /** @return the weighted loss */
    public double loss() {
        return loss;
    }

    /** @return how many gradient values it holds, the model's parameter count */
    public int size() {
        return gradients.length;
    }
}
