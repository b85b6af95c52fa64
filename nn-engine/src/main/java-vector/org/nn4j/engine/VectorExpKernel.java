package org.nn4j.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel} on the incubator Vector API: {@code L} exponentials per operation ({@code L} = 8 with
 * AVX-512). Created by {@link KernelChoice} only when {@code jdk.incubator.vector} is present.
 *
 * <p><b>The tail</b> (the last {@code length mod L} elements, and the whole of an array shorter than {@code L},
 * such as the XOR network's four outputs) goes through one more vector too: its elements are put into the first
 * lanes of a zero vector one at a time ({@code withLane}) and read back the same way, which is cheaper than one
 * {@link Math#exp} call per element and gives every element the same vector exponential. It uses the one species
 * of {@link VectorKernel}, not a narrower one or a mask: a second species flowing through the Vector API's shared
 * methods keeps C2 from intrinsifying the product kernel's loads and stores (ProductBenchmark after XorBenchmark
 * in one JVM), and masks allocate on JDK 17.
 */
final class VectorExpKernel implements ExpKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** Created by {@link KernelChoice}. */
    VectorExpKernel() {
    }

    @Override
    public void exp(double[] x, double[] out, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        if (i < length) {
            store(load(x, i, length).lanewise(VectorOperators.EXP), out, i, length);
        }
    }

    /** {@code array[from..length)}, fewer than {@code L} elements, in the first lanes; zeros in the others. */
    private static DoubleVector load(double[] array, int from, int length) {
        DoubleVector v = DoubleVector.zero(S);
        for (int j = from; j < length; j++) {
            v = v.withLane(j - from, array[j]);
        }
        return v;
    }

    /** The first {@code length − from} lanes of {@code v} into {@code array[from..length)}. */
    private static void store(DoubleVector v, double[] array, int from, int length) {
        for (int j = from; j < length; j++) {
            array[j] = v.lane(j - from);
        }
    }
}
