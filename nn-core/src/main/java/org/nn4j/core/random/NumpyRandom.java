package org.nn4j.core.random;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Mersenne Twister MT19937, seeded and read exactly as numpy's legacy generator, so that
 * {@code new NumpyRandom(42)} draws the same doubles as {@code np.random.seed(42)} followed by
 * {@code np.random.random_sample()}, {@code np.random.uniform(low, high)} or {@code np.random.standard_normal()}.
 *
 * <pre>
 *   seed(s):          key[0] = s;  key[i] = 1812433253 · (key[i−1] ⊕ (key[i−1] &gt;&gt; 30)) + i   (mod 2³²)
 *   nextInt():        one tempered 32-bit output of MT19937 (Matsumoto and Nishimura, 1998)
 *   nextDouble():     (a·2²⁶ + b) / 2⁵³  with a = nextInt() &gt;&gt;&gt; 5, b = nextInt() &gt;&gt;&gt; 6   (53 random bits)
 *   uniform(lo, hi):  lo + (hi − lo) · nextDouble()
 *   nextGaussian():   Marsaglia's polar method, returning the second value first and caching the first,
 *                     as numpy's legacy {@code standard_normal} does
 * </pre>
 *
 * <p>This is the only source of randomness nn4j uses by default: a model built from the same seed gets
 * bit-identical weights and trains bit-identically on every run and every machine. The generator is mutable and
 * not thread-safe; give each thread its own. Its full {@linkplain #state() state} can be saved and
 * {@linkplain #restore restored}, so that interrupted training can resume with the same draws.
 */
public final class NumpyRandom implements RandomGenerator {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] key = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /**
     * Seeds the generator as {@code np.random.seed(seed)} does.
     *
     * @param seed a seed in {@code [0, 2³² − 1]}, numpy's accepted range
     * @throws IllegalArgumentException if the seed is outside that range
     */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("NumpyRandom: seed must be between 0 and 2^32 - 1, got " + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    private NumpyRandom(State state) {
        restore(state);
    }

    /**
     * @param state a state from {@link #state()}
     * @return a new generator that continues from that state
     */
    public static NumpyRandom fromState(State state) {
        return new NumpyRandom(state);
    }

    /** @return the next tempered 32-bit output of MT19937 */
    @Override
    public int nextInt() {
        if (pos >= N) {
            twist();
        }
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (key[i] & UPPER_MASK) | (key[(i + 1) % N] & LOWER_MASK);
            int next = key[(i + M) % N] ^ (y >>> 1);
            key[i] = (y & 1) != 0 ? next ^ MATRIX_A : next;
        }
        pos = 0;
    }

    /** @return 64 bits from two 32-bit outputs, high word first */
    @Override
    public long nextLong() {
        long hi = nextInt() & 0xffffffffL;
        long lo = nextInt() & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** @return a double in {@code [0, 1)} with 53 random bits, numpy's {@code random_sample()} */
    @Override
    public double nextDouble() {
        long a = (nextInt() >>> 5) & 0xffffffffL;
        long b = (nextInt() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * numpy's {@code uniform(low, high)}: {@code low + (high − low) · random_sample()}.
     *
     * @param low the lower bound (included)
     * @param high the upper bound (excluded, up to rounding)
     * @return the draw
     */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** @return a standard normal draw, numpy's legacy {@code standard_normal()} */
    @Override
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** @return a snapshot of the complete state */
    public State state() {
        return new State(key.clone(), pos, hasGauss, gauss);
    }

    /**
     * Continues from a saved state: the next draws are those the saved generator would have made.
     *
     * @param state a state from {@link #state()}
     */
    public void restore(State state) {
        Objects.requireNonNull(state, "state");
        System.arraycopy(state.key(), 0, key, 0, N);
        pos = state.position();
        hasGauss = state.hasGauss();
        gauss = state.gauss();
    }

    /**
     * The complete state of the generator: the 624-word key, the position in it and numpy's cached Gaussian.
     *
     * @param key the 624 words (copied)
     * @param position the next word to temper, 0 to 624
     * @param hasGauss whether a cached Gaussian is waiting
     * @param gauss the cached Gaussian
     */
    public record State(int[] key, int position, boolean hasGauss, double gauss) {

        /**
         * Checks and copies the key.
         *
         * @param key the 624 words (copied)
         * @param position the next word to temper, 0 to 624
         * @param hasGauss whether a cached Gaussian is waiting
         * @param gauss the cached Gaussian
         */
        public State {
            if (key.length != N) {
                throw new IllegalArgumentException("NumpyRandom.State: key must have " + N + " words, got "
                        + key.length);
            }
            if (position < 0 || position > N) {
                throw new IllegalArgumentException("NumpyRandom.State: position must be in [0, " + N + "], got "
                        + position);
            }
            key = key.clone();
        }

        /** @return a copy of the key */
        @Override
        public int[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(key, s.key) && position == s.position
                    && hasGauss == s.hasGauss && Double.compare(gauss, s.gauss) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + position;
        }

        @Override
        public String toString() {
            return "NumpyRandom.State[position=" + position + ", hasGauss=" + hasGauss + "]";
        }
    }
}
