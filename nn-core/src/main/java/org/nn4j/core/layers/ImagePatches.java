package org.nn4j.core.layers;

import org.nn4j.api.Matrix;

/**
 * The bookkeeping that turns a convolution into one matrix product ("im2col"): every window the kernel visits
 * becomes one row of a patch matrix, so that {@code patches · W} computes every output pixel of every filter at
 * once in the engine's product kernels.
 * <pre>
 *   images      n × (c·h·w)            sample s, channel ch, pixel (y, x) at column ch·h·w + y·w + x
 *   patches     (n·oh·ow) × (c·k·k)    row (s, oy, ox), column (ch, i, j):
 *                                      images[s, ch, oy·stride + i − padTop, ox·stride + j − padLeft], 0 outside
 *   pixelRows   (n·oh·ow) × f          one row per output pixel, one column per filter (what patches · W gives)
 *   images out  n × (f·oh·ow)          the same numbers (plus each filter's bias), channel by channel, as the
 *                                      next layer reads an image
 * </pre>
 * {@link #addBack} is the transpose of {@link #patches}: each patch value's gradient is added to the pixel it was
 * copied from ("col2im"), so a pixel seen by several windows collects all their gradients.
 */
final class ImagePatches {

    final int channels;
    final int height;
    final int width;
    final int kernel;
    final int stride;
    final int padTop;
    final int padLeft;
    final int outHeight;
    final int outWidth;

    ImagePatches(int channels, int height, int width, int kernel, int stride, Padding padding) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernel = kernel;
        this.stride = stride;
        this.padTop = padding.before(height, kernel, stride);
        this.padLeft = padding.before(width, kernel, stride);
        this.outHeight = padding.outputLength(height, kernel, stride);
        this.outWidth = padding.outputLength(width, kernel, stride);
    }

    /** @return the columns of a patch matrix, {@code c·k·k} */
    int patchSize() {
        return channels * kernel * kernel;
    }

    /** @return the output pixels of one channel, {@code oh·ow} */
    int outPixels() {
        return outHeight * outWidth;
    }

    /**
     * im2col: one row per window, one column per (channel, kernel row, kernel column).
     *
     * @param images {@code n×(c·h·w)}
     * @return {@code (n·oh·ow)×(c·k·k)}
     */
    Matrix patches(Matrix images) {
        int n = images.rows();
        int patchSize = patchSize();
        int imageSize = channels * height * width;
        Matrix patches = Matrix.zeros(n * outPixels(), patchSize);
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++, row++) {
                    int at = row * patchSize;                           // patches[row, (ch, i, j)]
                    for (int ch = 0; ch < channels; ch++) {
                        int channelStart = s * imageSize + ch * height * width;
                        for (int i = 0; i < kernel; i++, at += kernel) {
                            int y = oy * stride + i - padTop;
                            if (y < 0 || y >= height) {
                                continue;                               // a row of padding: zeros
                            }
                            for (int j = 0; j < kernel; j++) {
                                int x = ox * stride + j - padLeft;
                                if (x >= 0 && x < width) {
                                    patches.setFlat(at + j, images.getFlat(channelStart + y * width + x));
                                }
                            }
                        }
                    }
                }
            }
        }
        return patches;
    }

    /**
     * col2im, the transpose of {@link #patches}: adds every patch value back to the pixel it came from.
     *
     * @param patchGradients {@code (n·oh·ow)×(c·k·k)}
     * @param n the number of samples
     * @return {@code n×(c·h·w)}
     */
    Matrix addBack(Matrix patchGradients, int n) {
        int patchSize = patchSize();
        int imageSize = channels * height * width;
        Matrix images = Matrix.zeros(n, imageSize);
        int row = 0;
        for (int s = 0; s < n; s++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++, row++) {
                    int at = row * patchSize;
                    for (int ch = 0; ch < channels; ch++) {
                        int channelStart = s * imageSize + ch * height * width;
                        for (int i = 0; i < kernel; i++, at += kernel) {
                            int y = oy * stride + i - padTop;
                            if (y < 0 || y >= height) {
                                continue;
                            }
                            for (int j = 0; j < kernel; j++) {
                                int x = ox * stride + j - padLeft;
                                if (x >= 0 && x < width) {
                                    int pixel = channelStart + y * width + x;
                                    images.setFlat(pixel, images.getFlat(pixel) + patchGradients.getFlat(at + j));
                                }
                            }
                        }
                    }
                }
            }
        }
        return images;
    }

    /**
     * From one row per output pixel to one row per sample, channel by channel, adding each channel's bias:
     * {@code out[s, f, p] = rows[(s, p), f] + bias[f]}.
     *
     * @param pixelRows {@code (n·p)×f}
     * @param bias {@code 1×f}
     * @param n the number of samples
     * @return {@code n×(f·p)}
     */
    static Matrix toImages(Matrix pixelRows, Matrix bias, int n) {
        int filters = pixelRows.cols();
        int pixels = pixelRows.rows() / n;
        Matrix images = Matrix.zeros(n, filters * pixels);
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < pixels; p++) {
                int from = (s * pixels + p) * filters;
                int to = s * filters * pixels + p;
                for (int f = 0; f < filters; f++) {
                    images.setFlat(to + f * pixels, pixelRows.getFlat(from + f) + bias.getFlat(f));
                }
            }
        }
        return images;
    }

    /**
     * The inverse of {@link #toImages}: {@code rows[(s, p), f] = images[s, f, p]}.
     *
     * @param images {@code n×(f·p)}
     * @param filters the channels of each image
     * @return {@code (n·p)×f}
     */
    static Matrix toPixelRows(Matrix images, int filters) {
        int n = images.rows();
        int pixels = images.cols() / filters;
        Matrix pixelRows = Matrix.zeros(n * pixels, filters);
        for (int s = 0; s < n; s++) {
            for (int p = 0; p < pixels; p++) {
                int to = (s * pixels + p) * filters;
                int from = s * filters * pixels + p;
                for (int f = 0; f < filters; f++) {
                    pixelRows.setFlat(to + f, images.getFlat(from + f * pixels));
                }
            }
        }
        return pixelRows;
    }
}
