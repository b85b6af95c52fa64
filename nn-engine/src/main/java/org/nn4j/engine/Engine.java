package org.nn4j.engine;

/**
 * The arithmetic below {@code Matrix}: matrix products and exponentials on row-major {@code double[]} arrays.
 * Matrix element {@code (i, j)} of an {@code r×c} matrix is {@code array[i·c + j]}.
 * <pre>
 *   multiply               c  = a · b      a: n×k, b: k×m, c: n×m
 *   transposeMultiply      c  = aᵀ · b     a: k×n, b: k×m, c: n×m     (a weight gradient Xᵀ·δ)
 *   multiplyTranspose      c  = a · bᵀ     a: n×k, b: m×k, c: n×m     (an input gradient δ·Wᵀ)
 *   addTransposeMultiply   c += aᵀ · b     a: k×n, b: k×m, c: n×m     (a gradient accumulated where it lives)
 *   exp                    out[i] = e^x[i]
 * </pre>
 * The first three <b>overwrite</b> {@code c}: its old contents are never read, so it need not be zeroed first.
 * Only {@link #addTransposeMultiply} reads {@code c}, and adds to it. The transposed forms never build a transpose:
 * they read {@code a} or {@code b} where it lies.
 *
 * <p><b>Which engine.</b> {@link #reference()} is the definition: three nested loops per product, each element
 * summed from {@code 0.0} in increasing {@code p}, and {@link Math#exp}. {@link #chosen()} is the engine a program
 * runs, picked once per JVM from two system properties:
 * <pre>
 *   -Dnn4j.kernel=auto|vector|scalar|reference
 *        auto (default)   vector when the JVM was started with --add-modules jdk.incubator.vector, else scalar
 *        vector           register tiles of the Vector API's widest DoubleVector, and a vector exp
 *        scalar           cache-blocked plain Java that the JIT vectorises, and Math.exp
 *        reference        the plain loops of reference()
 *   -Dnn4j.threads=N     threads per large product (default: the available processors)
 * </pre>
 * The vector and scalar engines agree with the reference to a few units in the last place (they add the same
 * products in another order), and bit for bit on products of fewer than 4,096 multiply-adds, which they compute
 * with the reference's summation order (the blog's XOR network reproduces numpy's digits that way).
 *
 * <p><b>Contract.</b> An engine is stateless and immutable; several threads may call it at once as long as no
 * two write the same array. Sizes may be 0; arrays may be longer than the matrices they hold. Every method checks
 * its sizes and array lengths and throws {@link IllegalArgumentException} naming them.
 */
public interface Engine {

    /**
     * {@code c = a · b}: {@code c[i·m + j] = Σ_p a[i·k + p]·b[p·m + j]}. Overwrites {@code c} without reading it.
     *
     * @param a the {@code n×k} left operand
     * @param b the {@code k×m} right operand
     * @param c receives the {@code n×m} product
     * @param n rows of {@code a} and {@code c}
     * @param k columns of {@code a}, rows of {@code b}
     * @param m columns of {@code b} and {@code c}
     * @throws IllegalArgumentException if a size is negative or an array is shorter than its matrix
     */
    void multiply(double[] a, double[] b, double[] c, int n, int k, int m);

    /**
     * {@code c = aᵀ · b}: {@code c[i·m + j] = Σ_p a[p·n + i]·b[p·m + j]}. Overwrites {@code c} without reading it.
     *
     * @param a the {@code k×n} left operand, used transposed
     * @param b the {@code k×m} right operand
     * @param c receives the {@code n×m} product
     * @param k rows of {@code a} and {@code b}
     * @param n columns of {@code a}, rows of {@code c}
     * @param m columns of {@code b} and {@code c}
     * @throws IllegalArgumentException if a size is negative or an array is shorter than its matrix
     */
    void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m);

    /**
     * {@code c = a · bᵀ}: {@code c[i·m + j] = Σ_p a[i·k + p]·b[j·k + p]}. Overwrites {@code c} without reading it.
     *
     * @param a the {@code n×k} left operand
     * @param b the {@code m×k} right operand, used transposed
     * @param c receives the {@code n×m} product
     * @param n rows of {@code a} and {@code c}
     * @param k columns of {@code a} and {@code b}
     * @param m rows of {@code b}, columns of {@code c}
     * @throws IllegalArgumentException if a size is negative or an array is shorter than its matrix
     */
    void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m);

    /**
     * {@code c += aᵀ · b}: {@code c[i·m + j] = c[i·m + j] + Σ_p a[p·n + i]·b[p·m + j]}, the sum formed first and
     * then added to what {@code c} held.
     *
     * @param a the {@code k×n} left operand, used transposed
     * @param b the {@code k×m} right operand
     * @param c the {@code n×m} matrix the product is added into
     * @param k rows of {@code a} and {@code b}
     * @param n columns of {@code a}, rows of {@code c}
     * @param m columns of {@code b} and {@code c}
     * @throws IllegalArgumentException if a size is negative or an array is shorter than its matrix
     */
    void addTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m);

    /**
     * {@code out[i] = e^x[i]} for {@code 0 ≤ i < length}, numpy's {@code np.exp(x, out=out)}; elements from
     * {@code length} on are left alone. {@code x} and {@code out} may be the same array.
     *
     * @param x the exponents
     * @param out receives the results
     * @param length how many leading elements
     * @throws IllegalArgumentException if {@code length} is negative or longer than an array
     */
    void exp(double[] x, double[] out, int length);

    /**
     * @return what computes the products and exponentials, for logs and {@code Matrix.productKernel()}, such as
     *         {@code "vector (8×16 tiles of 512-bit DoubleVector), up to 2 threads per product"}
     */
    String description();

    /**
     * The definition every other engine is tested against: the plainest loops, a product's element summed from
     * {@code 0.0} in increasing {@code p}, {@link Math#exp} per element, one thread.
     *
     * @return the reference engine
     */
    static Engine reference() {
        return ReferenceEngine.INSTANCE;
    }

    /**
     * The engine of this JVM, chosen on first use from the {@code nn4j.kernel} and {@code nn4j.threads} system
     * properties (see the type's description) and fixed from then on. It is logged once at DEBUG through
     * {@link System.Logger} (logger {@code org.nn4j.engine.Engine}) when the first product reaches a blocked kernel.
     *
     * @return the chosen engine
     * @throws IllegalArgumentException (wrapped in an {@link ExceptionInInitializerError} on first use) if a
     *         property has a bad value, or asks for {@code vector} in a JVM without {@code jdk.incubator.vector}
     */
    static Engine chosen() {
        return KernelChoice.chosen();
    }
}
