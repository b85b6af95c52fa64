package org.nn4j.engine;

/**
 * Computes {@code e^x} for every element of an array, in place (what {@link Matrix#expInPlace()} runs), and the
 * logistic function {@code 1 / (1 + e^(−x))} in the same pass ({@link Matrix#logisticInPlace()}, which the sigmoid
 * uses). Chosen once, like the product kernel, from the
 * {@code nn4j.kernel} property (see {@link Products}):
 * <pre>
 *   scalar   Math.exp on each element (one call per element)
 *   vector   DoubleVector.lanewise(EXP) on L elements at a time (8 with AVX-512), the tail too (in the
 *            first lanes of one more vector); each lane is within 1 ulp of Math.exp (the Vector API's
 *            guarantee)
 * </pre>
 * For the blog's network, twenty exponentials per step, the vector form is several times faster than twenty calls.
 * The logistic form fuses the negation, the exponential, the {@code 1 +} and the division into one pass over the
 * array instead of three (and the division, too, is then done {@code L} at a time); the clamped form
 * ({@link Matrix#setClampedLogisticInPlace}, the sigmoid's) adds the blog's clip to the same pass and writes into
 * another array, so the sigmoid needs no pass of its own.
 */
interface ExpKernel {

    /**
     * {@code values[i] = e^values[i]} for {@code 0 ≤ i < length}.
     *
     * @param values the array to change
     * @param length how many leading elements to change
     */
    void exp(double[] values, int length);

    /**
     * {@code values[i] = 1 / (1 + e^(−values[i]))} for {@code 0 ≤ i < length}: each element exactly what
     * {@code 1.0 / (1.0 + e)} gives for the {@code e} that {@link #exp} computes from {@code −values[i]}.
     *
     * @param values the array to change
     * @param length how many leading elements to change
     */
    void logistic(double[] values, int length);

    /**
     * {@code to[i] = 1 / (1 + e^(−c))} with {@code c = Math.max(−limit, Math.min(limit, from[i]))}, for
     * {@code 0 ≤ i < length}: the blog's clipped sigmoid in one pass, each element exactly what clamping,
     * then {@link #logistic}, gives. {@code from} may be {@code to}.
     *
     * @param from the arguments
     * @param to where the results go
     * @param length how many leading elements
     * @param limit the clamp, at least 0
     */
    void clampedLogistic(double[] from, double[] to, int length, double limit);

    /** The portable kernel: {@link Math#exp} per element. */
    ExpKernel SCALAR = new Scalar();

    // Declared after SCALAR, which the choice may return: interface fields are initialised in textual order.
    /** The kernel of this JVM: the Vector API one exactly when the product kernel is the vector kernel. */
    ExpKernel CHOSEN = KernelChoice.expKernel(System.getProperty("nn4j.kernel", "auto"));

    /** {@link Math#exp} per element (a class, not a lambda: nothing to bootstrap when a program starts). */
    final class Scalar implements ExpKernel {
        @Override
        public void exp(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                values[i] = Math.exp(values[i]);
            }
        }

        @Override
        public void logistic(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                values[i] = 1.0 / (1.0 + Math.exp(-values[i]));
            }
        }

        @Override
        public void clampedLogistic(double[] from, double[] to, int length, double limit) {
            for (int i = 0; i < length; i++) {
                to[i] = 1.0 / (1.0 + Math.exp(-Math.max(-limit, Math.min(limit, from[i]))));
            }
        }
    }
}
