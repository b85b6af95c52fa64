package org.nn4j.examples.explain;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.layers.Dense;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.text.Decimals;

/**
 * One training step of the blog's 2-4-1 sigmoid network, printed with the blog's names so that a learner can
 * redo the arithmetic by hand:
 * <pre>
 *   forward:   z1 = X · weights1 + bias1        a1 = σ(z1)
 *              z2 = a1 · weights2 + bias2       output = σ(z2)
 *   backward:  output_delta = (y − output) * output * (1 − output)
 *              hidden_delta = (output_delta · weights2ᵀ) * a1 * (1 − a1)
 *   update:    weights2 += a1ᵀ · output_delta · rate        bias2 += Σ_rows output_delta · rate
 *              weights1 += Xᵀ · hidden_delta · rate         bias1 += Σ_rows hidden_delta · rate
 * </pre>
 * ({@code *} is the element-wise product, {@code ·} the matrix product.) The blog's {@code rate} is nn4j's
 * learning rate times {@code 2/(n·k)}: the blog steps along the gradient of ½·Σ(y − output)², nn4j along that of
 * the mean squared error. The step is taken by nn4j itself (its layers' backward passes and its optimizer), and
 * the printed updates are the parameters' actual changes; the last line reports how far they are from the blog's
 * formulas.
 */
public final class BlogStep {

    private static final int DIGITS = 6;

    private BlogStep() {
    }

    /**
     * Takes one full-batch training step on {@code model} (changing its parameters) and prints it.
     *
     * @param model the blog's network: Dense, sigmoid, Dense, sigmoid, trained by SGD on mean squared error
     * @param learningRate the model's SGD learning rate
     * @param x the inputs, {@code n×2}
     * @param y the targets, {@code n×1}
     * @param out where to print
     * @return the largest difference between nn4j's updates and the blog's formulas
     * @throws IllegalArgumentException if the model is not shaped like the blog's network
     */
    public static double explain(Sequential model, double learningRate, Matrix x, Matrix y, PrintStream out) {
        return explain(model, learningRate, x, y, out, 0);
    }

    /**
     * Takes one full-batch training step on {@code model} (changing its parameters) and prints it, naming the epoch
     * it is (the playground explains any step, not only the first).
     *
     * @param model the blog's network: Dense, sigmoid, Dense, sigmoid, trained by SGD on mean squared error
     * @param learningRate the model's SGD learning rate
     * @param x the inputs, {@code n×2}
     * @param y the targets, {@code n×1}
     * @param out where to print
     * @param epoch the epoch this step is, counted from 0
     * @return the largest difference between nn4j's updates and the blog's formulas
     * @throws IllegalArgumentException if the model is not shaped like the blog's network
     */
    public static double explain(Sequential model, double learningRate, Matrix x, Matrix y, PrintStream out,
            int epoch) {
        List<Layer> layers = model.layers();
        if (layers.size() != 4 || !(layers.get(0) instanceof Dense) || !(layers.get(2) instanceof Dense)) {
            throw new IllegalArgumentException("explain: expected the blog's Dense, sigmoid, Dense, sigmoid network, got "
                    + model);
        }
        Dense first = (Dense) layers.get(0);
        Dense second = (Dense) layers.get(2);
        Matrix weights1 = first.weights().value().copy();
        Matrix bias1 = first.bias().value().copy();
        Matrix weights2 = second.weights().value().copy();
        Matrix bias2 = second.bias().value().copy();

        List<Matrix> trace = model.forwardTrace(x);
        Matrix z1 = trace.get(1);
        Matrix a1 = trace.get(2);
        Matrix z2 = trace.get(3);
        Matrix output = trace.get(4);
        double loss = model.loss().value(output, y);

        Matrix outputDelta = y.minus(output).multiply(output.map(o -> o * (1 - o)));
        Matrix hiddenDelta = outputDelta.timesTranspose(weights2).multiply(a1.map(a -> a * (1 - a)));
        double rate = learningRate * 2 / (y.rows() * y.cols());

        Map<String, Matrix> before = values(model);
        step(model, trace, y);
        Map<String, Matrix> after = values(model);
        Matrix dWeights2 = after.get("layers[2].weights").minus(before.get("layers[2].weights"));
        Matrix dBias2 = after.get("layers[2].bias").minus(before.get("layers[2].bias"));
        Matrix dWeights1 = after.get("layers[0].weights").minus(before.get("layers[0].weights"));
        Matrix dBias1 = after.get("layers[0].bias").minus(before.get("layers[0].bias"));

        double difference = Math.max(
                Math.max(dWeights2.minus(a1.transposeTimes(outputDelta).scale(rate)).maxAbs(),
                        dBias2.minus(outputDelta.sumColumns().scale(rate)).maxAbs()),
                Math.max(dWeights1.minus(x.transposeTimes(hiddenDelta).scale(rate)).maxAbs(),
                        dBias1.minus(hiddenDelta.sumColumns().scale(rate)).maxAbs()));

        Printer p = new Printer(out);
        p.text("One training step of the blog's network (epoch " + epoch + "), in the blog's names.");
        p.text("'·' is the matrix product, '*' the element-wise product; X and everything computed from it have one"
                + " row per training sample.");
        p.section("The data and the starting parameters");
        p.matrix("X", x);
        p.matrix("y", y);
        p.matrix("weights1", weights1);
        p.matrix("bias1", bias1);
        p.matrix("weights2", weights2);
        p.matrix("bias2", bias2);
        p.section("Forward");
        p.matrix("z1 = X · weights1 + bias1", z1);
        p.matrix("a1 = sigmoid(z1) = 1 / (1 + exp(-z1))", a1);
        p.matrix("z2 = a1 · weights2 + bias2", z2);
        p.matrix("output = sigmoid(z2)", output);
        p.text("loss = mean((y - output)²) = " + Decimals.fixed(loss, DIGITS));
        p.section("Backward");
        p.matrix("output_delta = (y - output) * output * (1 - output)", outputDelta);
        p.matrix("hidden_delta = (output_delta · weights2ᵀ) * a1 * (1 - a1)", hiddenDelta);
        p.section("Updates (the blog's learning rate " + Decimals.fixed(rate, 4) + " = nn4j's " + learningRate
                + " · 2/(" + y.rows() + "·" + y.cols() + "); weights2 first, as the blog updates them)");
        p.matrix("weights2 += a1ᵀ · output_delta · " + Decimals.fixed(rate, 4), dWeights2);
        p.matrix("bias2 += sum of output_delta's rows · " + Decimals.fixed(rate, 4), dBias2);
        p.matrix("weights1 += Xᵀ · hidden_delta · " + Decimals.fixed(rate, 4), dWeights1);
        p.matrix("bias1 += sum of hidden_delta's rows · " + Decimals.fixed(rate, 4), dBias1);
        p.section("The parameters after the step");
        p.matrix("weights1", after.get("layers[0].weights"));
        p.matrix("bias1", after.get("layers[0].bias"));
        p.matrix("weights2", after.get("layers[2].weights"));
        p.matrix("bias2", after.get("layers[2].bias"));
        p.text("");
        p.text("Check: the updates above are the parameters' actual changes made by nn4j's layers and Sgd; they"
                + " differ from the blog's formulas by at most " + String.format("%.1e", difference) + ".");
        return difference;
    }

    /** nn4j's own step, as {@code fit} takes it: loss gradient, backward through every layer, one update. */
    private static void step(Sequential model, List<Matrix> trace, Matrix y) {
        for (Parameter parameter : model.parameters().values()) {
            parameter.zeroGradient();
        }
        List<Layer> layers = model.layers();
        Matrix gradient = model.loss().gradient(trace.get(layers.size()), y);
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(trace.get(i), trace.get(i + 1), gradient);
        }
        model.optimizer().update(model.parameters());
    }

    private static Map<String, Matrix> values(Sequential model) {
        Map<String, Matrix> copy = new LinkedHashMap<>();
        model.parameters().forEach((path, parameter) -> copy.put(path, parameter.value().copy()));
        return copy;
    }

    /** Writes titled, aligned blocks. */
    private static final class Printer {

        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        void text(String line) {
            out.println(line);
        }

        void section(String title) {
            out.println();
            out.println("== " + title);
        }

        void matrix(String title, Matrix m) {
            MatrixText.block(title, m, DIGITS).forEach(out::println);
        }
    }
}
