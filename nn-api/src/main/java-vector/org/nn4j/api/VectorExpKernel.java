package org.nn4j.api;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel} on the incubator Vector API: {@code L} exponentials per operation ({@code L} = 8 with
 * AVX-512), the last {@code length mod L} elements with 4- and 2-lane vectors and at most one {@link Math#exp}. Loaded by name from {@link KernelChoice}
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
        // The tail with narrower vectors (a masked vector would allocate its mask on JDK 17), then one by one.
        if (S.length() > 4 && length - i >= 4) {
            DoubleVector.fromArray(DoubleVector.SPECIES_256, values, i).lanewise(VectorOperators.EXP)
                    .intoArray(values, i);
            i += 4;
        }
        if (S.length() > 2 && length - i >= 2) {
            DoubleVector.fromArray(DoubleVector.SPECIES_128, values, i).lanewise(VectorOperators.EXP)
                    .intoArray(values, i);
            i += 2;
        }
        for (; i < length; i++) {
            values[i] = Math.exp(values[i]);
        }
    }
}
