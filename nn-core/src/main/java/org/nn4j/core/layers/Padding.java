package org.nn4j.core.layers;

/**
 * How a {@link Conv2D} treats the border of an image, with Keras' names and sizes.
 * <pre>
 *   VALID:  no padding; the kernel only visits whole windows      out = ⌊(in − k) / stride⌋ + 1
 *   SAME:   zeros around the image so that                        out = ⌈in / stride⌉
 *           total padding = max((out − 1)·stride + k − in, 0), half before (rounded down), the rest after
 * </pre>
 * With stride 1, {@code SAME} keeps the image's height and width.
 */
public enum Padding {
    /** No padding: the output shrinks by {@code k − 1} (stride 1). */
    VALID,
    /** Zero padding so that the output is {@code ⌈in / stride⌉} wide. */
    SAME;

    /**
     * The output length along one axis.
     *
     * @param in the input's length
     * @param kernel the kernel's length
     * @param stride the step between windows
     * @return the number of windows
     */
    int outputLength(int in, int kernel, int stride) {
        return this == VALID ? (in - kernel) / stride + 1 : (in + stride - 1) / stride;
    }

    /**
     * The zeros added before the image along one axis.
     *
     * @param in the input's length
     * @param kernel the kernel's length
     * @param stride the step between windows
     * @return the padding before the first value (the rest of the total goes after the last)
     */
    int before(int in, int kernel, int stride) {
        if (this == VALID) {
            return 0;
        }
        int total = Math.max((outputLength(in, kernel, stride) - 1) * stride + kernel - in, 0);
        return total / 2;
    }

    /**
     * The name used in model files.
     *
     * @return {@code "valid"} or {@code "same"}
     */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The padding a model file names.
     *
     * @param name {@code "valid"} or {@code "same"}
     * @return the padding
     * @throws IllegalArgumentException for any other name
     */
    public static Padding ofFileName(String name) {
        return switch (name) {
            case "valid" -> VALID;
            case "same" -> SAME;
            default -> throw new IllegalArgumentException("Padding: expected \"valid\" or \"same\", got \"" + name
                    + "\"");
        };
    }
}
