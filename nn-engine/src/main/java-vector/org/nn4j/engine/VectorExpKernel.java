package org.nn4j.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExpKernel} on the incubator Vector API: {@code L} exponentials per operation ({@code L} = 8 with
 * AVX-512), and the logistic function likewise, its division done {@code L} at a time too. Loaded by name from
 * {@link KernelChoice} only when {@code jdk.incubator.vector} is present.
 *
 * <p><b>The tail</b> (the last {@code length mod L} elements, and the whole of an array shorter than {@code L},
 * such as the XOR network's four outputs) goes through one more vector too: its elements are put into the first
 * lanes of a zero vector one at a time ({@code withLane}) and read back the same way. That is cheaper than one
 * {@link Math#exp} call per element (measured: four elements 12.6 against 18.5 ns), and every element, tail or
 * not, gets the same vector exponential. Two other ways were measured and rejected: a narrower vector (256 or 128
 * bits) flowing through the Vector API's shared methods makes their type profile polymorphic, and C2 then fails to
 * intrinsify the 512-bit product kernel's loads and stores (a1ᵀ·δ2 ran 10 to 1000 times slower after the XOR
 * network had trained in the same JVM); and masks allocate on JDK 17.
 */
final class VectorExpKernel implements ExpKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /**
     * From here up the logistic function is exactly 1.0 in double: {@code e^(−x)} is below half an ulp of 1
     * ({@code x > 53·ln 2 ≈ 36.7}, and 38 leaves room for the exponential's ulp), so a clamp at or above it
     * changes no result on that side and is skipped.
     */
    static final double ONE_ABOVE = 38;

    /** Created reflectively by {@link KernelChoice}. */
    VectorExpKernel() {
    }

    @Override
    public void exp(double[] values, int length) {
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, values, i).lanewise(VectorOperators.EXP).intoArray(values, i);
        }
        if (i < length) {
            store(load(values, i, length).lanewise(VectorOperators.EXP), values, i, length);
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
        if (i < length) {
            DoubleVector e = load(values, i, length).neg().lanewise(VectorOperators.EXP);
            store(one.div(one.add(e)), values, i, length);
        }
    }

    @Override
    public void clampedLogistic(double[] from, double[] to, int length, double limit) {
        if (limit < ONE_ABOVE) {
            clampedLogisticBothSides(from, to, length, limit);
            return;
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, from, i).max(-limit);
            one.div(one.add(x.neg().lanewise(VectorOperators.EXP))).intoArray(to, i);
        }
        if (i < length) {
            DoubleVector x = load(from, i, length).max(-limit);
            store(one.div(one.add(x.neg().lanewise(VectorOperators.EXP))), to, i, length);
        }
    }

    /** {@link #clampedLogistic} with a limit low enough that clamping from above can change a result. */
    private static void clampedLogisticBothSides(double[] from, double[] to, int length, double limit) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(length); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, from, i).min(limit).max(-limit);
            one.div(one.add(x.neg().lanewise(VectorOperators.EXP))).intoArray(to, i);
        }
        if (i < length) {
            DoubleVector x = load(from, i, length).min(limit).max(-limit);
            store(one.div(one.add(x.neg().lanewise(VectorOperators.EXP))), to, i, length);
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
