package org.nn4j.api;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel} on the incubator Vector API: {@code L} exponentials per operation ({@code L} = 8 with
 * AVX-512), the last {@code length mod L} elements with {@link Math#exp}. Loaded by name from {@link KernelChoice}
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
        for (; i < length; i++) {
            values[i] = Math.exp(values[i]);
        }
    }
}
