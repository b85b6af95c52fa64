package org.nn4j.core.layers;

import org.nn4j.api.Layer;
import org.nn4j.api.Matrix;
import org.nn4j.api.Shape;
import org.nn4j.api.Training;

/**
 * Max pooling: each channel of the image is cut into {@code k×k} windows (stepping by {@code stride}, no padding),
 * and each window is replaced by its largest value (Keras' {@code MaxPooling2D} with {@code padding="valid"}).
 * <pre>
 *   shapes:    x: n×(c·h·w)   z: n×(c·oh·ow)     oh = ⌊(h − k) / stride⌋ + 1,  ow likewise
 *   forward:   z[s, ch, oy, ox] = max_{i, j < k} x[s, ch, oy·stride + i, ox·stride + j]
 *   backward:  ∂L/∂x[s, ch, y, x] = Σ of ∂L/∂z[s, ch, oy, ox] over the windows whose maximum is at (y, x), else 0
 *              (the maximum is the first largest value, reading the window row by row, as forward found it)
 * </pre>
 * Only the winner of each window passes gradient back: moving any other value a little does not change the
 * output. The layer has no parameters. While training, the forward pass keeps where each maximum was
 * ({@code Training.save("winners")}) and the backward pass only routes the gradients there; the plain backward pass
 * finds the winners again from the input.
 */
public final class MaxPool2D implements Layer {

    private final Shape inputShape;
    private final int poolSize;
    private final int stride;
    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;

    /**
     * Pooling with windows that do not overlap ({@code stride = poolSize}), the usual choice.
     *
     * @param inputShape one input image, {@code channels×height×width}
     * @param poolSize the height and width of each window, at least 1
     * @throws IllegalArgumentException as {@link #MaxPool2D(Shape, int, int)}
     */
    public MaxPool2D(Shape inputShape, int poolSize) {
        this(inputShape, poolSize, poolSize);
    }

    /**
     * @param inputShape one input image, {@code channels×height×width}
     * @param poolSize the height and width of each window, at least 1
     * @param stride the step between windows, at least 1
     * @throws IllegalArgumentException if the shape is not an image, a size is not positive, or the window is
     *     larger than the image
     */
    public MaxPool2D(Shape inputShape, int poolSize, int stride) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("MaxPool2D: input must be an image channels×height×width, got "
                    + inputShape);
        }
        if (poolSize <= 0 || stride <= 0) {
            throw new IllegalArgumentException("MaxPool2D: pool size and stride must be positive, got " + poolSize
                    + ", " + stride);
        }
        if (poolSize > inputShape.dim(1) || poolSize > inputShape.dim(2)) {
            throw new IllegalArgumentException("MaxPool2D: a " + poolSize + "×" + poolSize
                    + " window does not fit a " + inputShape + " image");
        }
        this.inputShape = inputShape;
        this.poolSize = poolSize;
        this.stride = stride;
        this.channels = inputShape.dim(0);
        this.height = inputShape.dim(1);
        this.width = inputShape.dim(2);
        this.outHeight = (height - poolSize) / stride + 1;
        this.outWidth = (width - poolSize) / stride + 1;
    }

    /** {@inheritDoc} The largest value of each window. */
    @Override
    public Matrix forward(Matrix input) {
        checkInput("forward", input);
        Matrix winners = winners(input);
        Matrix output = Matrix.zeros(input.rows(), winners.cols());
        for (int i = 0; i < output.size(); i++) {
            output.setFlat(i, input.getFlat((int) winners.getFlat(i)));
        }
        return output;
    }

    /** {@inheritDoc} As {@link #forward(Matrix)}, keeping where each maximum was for the backward pass. */
    @Override
    public Matrix forward(Matrix input, Training training) {
        checkInput("forward", input);
        Matrix winners = winners(input);
        training.save("winners", winners);
        Matrix output = Matrix.zeros(input.rows(), winners.cols());
        for (int i = 0; i < output.size(); i++) {
            output.setFlat(i, input.getFlat((int) winners.getFlat(i)));
        }
        return output;
    }

    /** {@inheritDoc} Each window's gradient goes to its winner, found again from the input. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient) {
        checkInput("backward", input);
        return routeBack(winners(input), input, outputGradient);
    }

    /** {@inheritDoc} Each window's gradient goes to the winner the forward pass found. */
    @Override
    public Matrix backward(Matrix input, Matrix output, Matrix outputGradient, Training training) {
        checkInput("backward", input);
        return routeBack(training.saved("winners"), input, outputGradient);
    }

    private Matrix routeBack(Matrix winners, Matrix input, Matrix outputGradient) {
        if (!outputGradient.sameShape(winners)) {
            throw new IllegalArgumentException(describe() + ".backward: outputGradient is " + outputGradient.shape()
                    + ", expected " + winners.shape());
        }
        Matrix inputGradient = Matrix.zeros(input.rows(), input.cols());
        for (int i = 0; i < winners.size(); i++) {
            int w = (int) winners.getFlat(i);
            inputGradient.setFlat(w, inputGradient.getFlat(w) + outputGradient.getFlat(i));
        }
        return inputGradient;
    }

    /**
     * Where each window's maximum is: for output position {@code (s, ch, oy, ox)}, the flat position in
     * {@code input} of the first largest value of its window, reading the window row by row.
     */
    private Matrix winners(Matrix input) {
        int n = input.rows();
        Matrix winners = Matrix.zeros(n, channels * outHeight * outWidth);
        int at = 0;
        for (int s = 0; s < n; s++) {
            for (int ch = 0; ch < channels; ch++) {
                int channelStart = (s * channels + ch) * height * width;
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++, at++) {
                        winners.setFlat(at, winner(input, channelStart, oy, ox));
                    }
                }
            }
        }
        return winners;
    }

    /** The flat position in {@code input} of the first largest value of window {@code (oy, ox)} of a channel. */
    private int winner(Matrix input, int channelStart, int oy, int ox) {
        int best = channelStart + oy * stride * width + ox * stride;
        double max = input.getFlat(best);
        for (int i = 0; i < poolSize; i++) {
            int rowStart = channelStart + (oy * stride + i) * width + ox * stride;
            for (int j = 0; j < poolSize; j++) {
                double v = input.getFlat(rowStart + j);
                if (v > max) {
                    max = v;
                    best = rowStart + j;
                }
            }
        }
        return best;
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
        return channels * outHeight * outWidth;
    }

    /** {@inheritDoc} {@code channels×oh×ow}; the input must be the image this layer was made for. */
    @Override
    public Shape outputShape(Shape inputShape) {
        if (!inputShape.equals(this.inputShape)) {
            throw new IllegalArgumentException(describe() + ": input is " + inputShape + ", expected "
                    + this.inputShape);
        }
        return Shape.of(channels, outHeight, outWidth);
    }

    /** @return the shape of one input image, {@code channels×height×width} */
    public Shape inputShape() {
        return inputShape;
    }

    /** @return the height and width of each window */
    public int poolSize() {
        return poolSize;
    }

    /** @return the step between windows */
    public int stride() {
        return stride;
    }

    @Override
    public String describe() {
        return "MaxPool2D(" + poolSize + "×" + poolSize + ", stride " + stride + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
