package org.nn4j.api;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel} on the incubator Vector API: {@code L} exponentials per operation ({@code L} = 8 with
 * AVX-512), the last {@code length mod L} elements with {@link Math#exp}; the logistic function likewise, with
 * the division done {@code L} at a time too. Loaded by name from {@link KernelChoice}
 * only when {@code jdk.incubator.vector} is present.
 */
final class VectorExpKernel implements ExpKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** Created reflectively by {@link KernelChoice}. */
    VectorExpKernel() {
    }

    @Override
    public void exp(double[] values, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, values, i).lanewise(VectorOperators.EXP).intoArray(values, i);
        }
        // The tail one by one. Not with narrower vectors: a 256- or 128-bit DoubleVector flowing through the
        // Vector API's shared methods makes their type profile polymorphic, and C2 then fails to intrinsify the
        // 512-bit product kernel's loads and stores (measured: a1ᵀ·δ2 ran 10 to 1000 times slower after the XOR
        // network had trained in the same JVM). Masks would allocate on JDK 17.
        for (; i < length; i++) {
            values[i] = Math.exp(values[i]);
        }
    }

    @Override
    public void logistic(double[] values, int length) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector e = DoubleVector.fromArray(S, values, i).neg().lanewise(VectorOperators.EXP);
            one.div(one.add(e)).intoArray(values, i);
        }
        for (; i < length; i++) {   // the tail one by one, for the reason given in exp
            values[i] = 1.0 / (1.0 + Math.exp(-values[i]));
        }
    }
}
