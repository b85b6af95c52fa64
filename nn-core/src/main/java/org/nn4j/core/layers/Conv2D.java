package org.nn4j.core.layers;

import java.util.List;
import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.api.Shape;
import org.nn4j.api.Training;

/**
 * A 2-D convolution: {@code filters} small {@code k×k} kernels slide over the image, each output pixel the weighted
 * sum of the window under it across all input channels, plus the filter's bias (Keras' {@code Conv2D}, which like
 * every deep-learning library computes cross-correlation: the kernel is not flipped).
 * <pre>
 *   shapes:    x: n×(c·h·w)   W: (c·k·k)×f   b: 1×f   z: n×(f·oh·ow)       oh, ow from the {@link Padding}
 *   forward:   z[s, f, oy, ox] = b[f] + Σ_{ch, i, j} x[s, ch, oy·stride + i − padTop, ox·stride + j − padLeft]
 *                                                     · W[(ch, i, j), f]        (x = 0 outside the image)
 *   as one product ("im2col", see ImagePatches):
 *              P = patches(x)            (n·oh·ow)×(c·k·k): one row per window, one column per (ch, i, j)
 *              Z = P · W + b             (n·oh·ow)×f:       one row per output pixel, one column per filter
 *              z = Z read image by image, filter by filter
 *   backward:  D = δ read back as one row per output pixel         (n·oh·ow)×f,   δ = ∂L/∂z
 *              ∂L/∂W += Pᵀ · D                                      (c·k·k)×f     (Dense's xᵀ·δ, with P for x)
 *              ∂L/∂b += Σ_rows D                                    1×f
 *              ∂L/∂x  = addBack(D · Wᵀ)                             each window's gradient added to the pixels
 *                                                                   it was copied from ("col2im")
 * </pre>
 * A convolution is a {@link Dense} layer applied to every window with shared weights, and the backward pass says
 * so: it is Dense's three lines on the patch matrix, plus {@code addBack}. The products run in the engine's
 * kernels ({@code nn-engine}), which is where the speed comes from.
 *
 * <p>The parameters are {@code weights} ({@code (c·k·k)×f}: column {@code f} is filter {@code f}, its rows channel
 * by channel, each kernel row by row) and {@code bias} ({@code 1×f}). A new layer's parameters are zero; the model
 * builder fills them with its initializers (fan-in {@code c·k·k}, fan-out {@code f·k·k}). Activation is a separate
 * layer, as after {@code Dense}. The kernel is square and the stride the same along both axes.
 */
public final class Conv2D implements Layer {

    private final Shape inputShape;
    private final int filters;
    private final int kernelSize;
    private final int stride;
    private final Padding padding;
    private final ImagePatches patches;
    private final Parameter weights;
    private final Parameter bias;

    /**
     * @param inputShape one input image, {@code channels×height×width}
     * @param filters the number of filters (output channels), at least 1
     * @param kernelSize the height and width of each kernel, at least 1
     * @param stride the step between windows along both axes, at least 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     * @throws IllegalArgumentException if the shape is not an image, a size is not positive, or a {@code VALID}
     *     kernel is larger than the image
     */
    public Conv2D(Shape inputShape, int filters, int kernelSize, int stride, Padding padding) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("Conv2D: input must be an image channels×height×width, got "
                    + inputShape);
        }
        if (filters <= 0 || kernelSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("Conv2D: filters, kernel size and stride must be positive, got "
                    + filters + ", " + kernelSize + ", " + stride);
        }
        if (padding == null) {
            throw new IllegalArgumentException("Conv2D: padding must be VALID or SAME, got null");
        }
        if (padding == Padding.VALID && (kernelSize > inputShape.dim(1) || kernelSize > inputShape.dim(2))) {
            throw new IllegalArgumentException("Conv2D: a " + kernelSize + "×" + kernelSize
                    + " kernel with valid padding does not fit a " + inputShape + " image");
        }
        long patchSize = (long) inputShape.dim(0) * kernelSize * kernelSize;
        if (patchSize * filters > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Conv2D: " + patchSize + "×" + filters + " weights are too many");
        }
        this.inputShape = inputShape;
        this.filters = filters;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.patches = new ImagePatches(inputShape.dim(0), inputShape.dim(1), inputShape.dim(2), kernelSize, stride,
                padding);
        this.weights = new Parameter("weights", Matrix.zeros((int) patchSize, filters));
        this.bias = new Parameter("bias", Matrix.zeros(1, filters));
    }

    /** {@inheritDoc} {@code z = patches(x) · W + b}, read image by image. */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        return convolve(patches.patches(input), input.rows());
    }

    /** {@inheritDoc} As {@link #forward(Matrix)}, keeping the patch matrix for the backward pass. */
    @Override
    public Matrix forward(Matrix input, Training training) {
        checkInput("forward", input);
        Matrix p = patches.patches(input);
        training.save("patches", p);
        return convolve(p, input.rows());
    }

    private Matrix convolve(Matrix p, int n) {
        Matrix pixelRows = p.times(weights.value());                            // Z = P·W
        return ImagePatches.toImages(pixelRows, bias.value(), n);               // z = Z + b, image by image
    }

    /** {@inheritDoc} The gradient lines of the table above; the patch matrix is built again from the input. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        checkInput("backward", input);
        return backward(patches.patches(input), input.rows(), outputGradient);
    }

    /** {@inheritDoc} As {@link #backward(Matrix, Matrix, Matrix)}, with the patch matrix of the forward pass. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Training training) {
        checkInput("backward", input);
        return backward(training.saved("patches"), input.rows(), outputGradient);
    }

    private Matrix backward(Matrix p, int n, Matrix outputGradient) {
        int outSize = filters * patches.outPixels();
        if (!outputGradient.hasShape(n, outSize)) {
            throw new IllegalArgumentException(describe() + ".backward: outputGradient is " + outputGradient.shape()
                    + ", expected " + n + "×" + outSize);
        }
        Matrix delta = ImagePatches.toPixelRows(outputGradient, filters);       // D
        weights.gradient().addTransposeTimesInPlace(p, delta);                  // ∂L/∂W += Pᵀ·D
        bias.gradient().addInPlace(delta.sumColumns());                         // ∂L/∂b += Σ_rows D
        return patches.addBack(delta.timesTranspose(weights.value()), n);       // ∂L/∂x  = addBack(D·Wᵀ)
    }

    private void checkInput(String method, Matrix input) {
        if (input.cols() != inputShape.size()) {
            throw new IllegalArgumentException(describe() + "." + method + ": input has " + input.cols()
                    + " columns, expected " + inputShape.size() + " (" + inputShape + ")");
        }
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize != inputShape.size()) {
            throw new IllegalArgumentException(describe() + ": input has " + inputSize + " columns, expected "
                    + inputShape.size() + " (" + inputShape + ")");
        }
        return filters * patches.outPixels();
    }

    /** {@inheritDoc} {@code filters×oh×ow}; the input must be the image this layer was made for. */
    @Override
    public Shape outputShape(Shape inputShape) {
        if (!inputShape.equals(this.inputShape)) {
            throw new IllegalArgumentException(describe() + ": input is " + inputShape + ", expected "
                    + this.inputShape);
        }
        return Shape.of(filters, patches.outHeight, patches.outWidth);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    /** @return a new layer with copies of the weights and bias (and zero gradients) */
    @Override
    public Conv2D copy() {
        Conv2D copy = new Conv2D(inputShape, filters, kernelSize, stride, padding);
        copy.weights.value().copyFromInPlace(weights.value());
        copy.bias.value().copyFromInPlace(bias.value());
        return copy;
    }

    /** @return the {@code (c·k·k)×f} weight parameter {@code W}, one filter per column */
    public Parameter weights() {
        return weights;
    }

    /** @return the {@code 1×f} bias parameter {@code b} */
    public Parameter bias() {
        return bias;
    }

    /** @return the shape of one input image, {@code channels×height×width} */
    public Shape inputShape() {
        return inputShape;
    }

    /** @return the number of filters (output channels) */
    public int filters() {
        return filters;
    }

    /** @return the height and width of each kernel */
    public int kernelSize() {
        return kernelSize;
    }

    /** @return the step between windows */
    public int stride() {
        return stride;
    }

    /** @return how the border is treated */
    public Padding padding() {
        return padding;
    }

    /** @return the fan-in of one output, {@code c·k·k}, for initializers */
    public int fanIn() {
        return patches.patchSize();
    }

    /** @return the fan-out of one input, {@code f·k·k}, for initializers (Keras' convention) */
    public int fanOut() {
        return filters * kernelSize * kernelSize;
    }

    @Override
    public String describe() {
        return "Conv2D(" + inputShape.dim(0) + "→" + filters + ", " + kernelSize + "×" + kernelSize + ", stride "
                + stride + ", " + padding.fileName() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
