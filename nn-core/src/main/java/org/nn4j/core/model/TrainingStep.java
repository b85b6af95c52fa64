package org.nn4j.core.model;

import java.util.List;
import java.util.Map;
import org.nn4j.api.Layer;
import org.nn4j.api.Loss;
import org.nn4j.api.Matrix;
import org.nn4j.api.Optimizer;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.Softmax;
import org.nn4j.core.losses.CategoricalCrossEntropy;

/**
 * One training step on one batch, the heart of backpropagation, and the matrices it reuses from step to step.
 * <pre>
 *   forward    trace[0] = x;   trace[i+1] = layer i.forward(trace[i])         kept: the blog's a1 and output
 *   loss       value = L(trace[n], y);   g = ∂L/∂trace[n]
 *   backward   every parameter gradient = 0
 *              for i = n−1 … 1:   g = layer i.backward(trace[i], trace[i+1], g)   adds ∂L/∂p into each parameter
 *              layer 0.backwardParameters(trace[0], trace[1], g)             nobody needs ∂L/∂x
 *   update     optimizer.update(parameters), all or nothing (see UpdateGuard)
 * </pre>
 * When the model ends in {@link Softmax} and the loss is {@link CategoricalCrossEntropy}, the loss is taken on the
 * logits {@code trace[n−1]} instead (finite and exact) and the backward pass starts one layer lower.
 *
 * <p><b>Reuse.</b> Every step needs the same intermediate matrices, and for a small network creating them costs
 * more than the arithmetic. So the step remembers what each layer returned ({@code outputs[i]} from
 * {@code forward}, {@code inputGradients[i]} from {@code backward}, and the loss gradient) and offers it back to
 * the same layer next step ({@link Layer#forward(Matrix, Matrix)}), which may write into it instead of
 * allocating. A result is remembered only if the layer made it: a layer that hands back one of its arguments (an
 * identity layer returning its input) is offered nothing, so no matrix is ever offered while it is still in use.
 * Nothing here escapes a step except the output, which {@link TrainingLoop} reads before the next step.
 *
 * <p>Every plug-in call names its plug-in if it throws (see {@link TrainingException}); {@code try} costs nothing
 * when nothing is thrown.
 */
final class TrainingStep {

    private final Sequential model;
    private final List<Layer> layers;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Map<String, Parameter> parameters;
    private final Parameter[] parameterArray;
    private final boolean fusedSoftmax;
    private final Matrix[] trace;
    private final Matrix[] outputs;
    private final Matrix[] inputGradients;
    private Matrix lossGradient;
    private final UpdateGuard guard;

    TrainingStep(Sequential model) {
        this.model = model;
        this.layers = model.layers();
        this.loss = model.loss();
        this.optimizer = model.optimizer();
        this.parameters = model.parameters();
        this.parameterArray = parameters.values().toArray(new Parameter[0]);
        this.fusedSoftmax = model.fusesSoftmax();
        this.trace = new Matrix[layers.size() + 1];
        this.outputs = new Matrix[layers.size()];
        this.inputGradients = new Matrix[layers.size()];
        this.guard = new UpdateGuard(parameters);
    }

    /**
     * Runs one step.
     *
     * @param inputs the batch's inputs, {@code n×inputSize}
     * @param targets the batch's targets, {@code n×outputSize}
     * @return the batch's loss before the update (the model's output for the batch is then {@link #output()})
     * @throws PluginFailure naming the layer, loss or optimizer that threw
     */
    double run(Matrix inputs, Matrix targets) {
        int count = layers.size();
        trace[0] = inputs;
        for (int i = 0; i < count; i++) {
            Matrix in = trace[i];
            Matrix out;
            try {
                out = layers.get(i).forward(in, offer(outputs[i], in, in, in));
            } catch (RuntimeException e) {
                throw new PluginFailure(model.layerName(i) + ".forward", e);
            }
            trace[i + 1] = out;
            outputs[i] = out == in ? null : out;
        }
        int last = count - 1;
        double value;
        Matrix gradient;
        int top;   // the layer whose output the gradient is taken at
        try {
            if (fusedSoftmax) {
                CategoricalCrossEntropy cce = (CategoricalCrossEntropy) loss;
                value = cce.valueFromLogits(trace[last], targets);
                gradient = cce.gradientFromLogits(trace[last], targets);
                top = last - 1;
            } else {
                value = loss.value(trace[count], targets);
                gradient = loss.gradient(trace[count], targets, offer(lossGradient, trace[count], targets, targets));
                lossGradient = gradient == trace[count] || gradient == targets ? null : gradient;
                top = last;
            }
        } catch (RuntimeException e) {
            throw new PluginFailure("loss " + loss.describe(), e);
        }
        for (Parameter p : parameterArray) {
            p.zeroGradient();
        }
        for (int i = top; i > 0; i--) {
            Matrix in = trace[i];
            Matrix out = trace[i + 1];
            Matrix next;
            try {
                next = layers.get(i).backward(in, out, gradient, offer(inputGradients[i], in, out, gradient));
            } catch (RuntimeException e) {
                throw new PluginFailure(model.layerName(i) + ".backward", e);
            }
            inputGradients[i] = next == in || next == out || next == gradient ? null : next;
            gradient = next;
        }
        if (top >= 0) {
            try {
                layers.get(0).backwardParameters(trace[0], trace[1], gradient);
            } catch (RuntimeException e) {
                throw new PluginFailure(model.layerName(0) + ".backward", e);
            }
        }
        guard.update(optimizer, parameters);
        return value;
    }

    /** @return the model's output for the last step's batch, valid until the next step */
    Matrix output() {
        return trace[trace.length - 1];
    }

    /** {@code reused}, unless it is one of the call's other arguments (then nothing is offered). */
    private static Matrix offer(Matrix reused, Matrix a, Matrix b, Matrix c) {
        return reused == a || reused == b || reused == c ? null : reused;
    }
}
