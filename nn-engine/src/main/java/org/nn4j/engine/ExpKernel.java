package org.nn4j.engine;

/**
 * Computes {@code e^x} for every element of an array, for {@link Engine#exp}. The engine's choice pairs it with the
 * product kernel ({@link KernelChoice}):
 * <pre>
 *   scalar   Math.exp on each element
 *   vector   DoubleVector.lanewise(EXP) on L elements at a time (8 with AVX-512), the tail too (in the first
 *            lanes of one more vector); each lane is within 1 ulp of Math.exp (the Vector API's guarantee)
 * </pre>
 */
interface ExpKernel {

    /**
     * {@code out[i] = e^x[i]} for {@code 0 ≤ i < length}; {@code x} may be {@code out}.
     *
     * @param x the exponents
     * @param out receives the results
     * @param length how many leading elements
     */
    void exp(double[] x, double[] out, int length);

    /** The portable kernel: {@link Math#exp} per element. */
    ExpKernel SCALAR = new Scalar();

    /** {@link Math#exp} per element. */
    final class Scalar implements ExpKernel {
        @Override
        public void exp(double[] x, double[] out, int length) {
            for (int i = 0; i < length; i++) {
                out[i] = Math.exp(x[i]);
            }
        }
    }
}
