package org.nn4j.engine;

/**
 * The definition of every engine operation, written as plainly as the math: one loop per index, each element of
 * a product summed from {@code 0.0} in increasing {@code p} (numpy's reference order), {@link Math#exp} per
 * element. The fast engines are tested against these loops; read them to know what any engine computes.
 */
final class ReferenceEngine implements Engine {

    /** The one instance: the engine keeps no state. */
    static final ReferenceEngine INSTANCE = new ReferenceEngine();

    private ReferenceEngine() {
    }

    @Override
    public void multiply(double[] a, double[] b, double[] c, int n, int k, int m) {
        Sizes.product("multiply", a, n, k, b, k, m, c, n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * m + j];
                }
                c[i * m + j] = sum;
            }
        }
    }

    @Override
    public void transposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        Sizes.product("transposeMultiply", a, k, n, b, k, m, c, n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[p * n + i] * b[p * m + j];
                }
                c[i * m + j] = sum;
            }
        }
    }

    @Override
    public void multiplyTranspose(double[] a, double[] b, double[] c, int n, int k, int m) {
        Sizes.product("multiplyTranspose", a, n, k, b, m, k, c, n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[j * k + p];
                }
                c[i * m + j] = sum;
            }
        }
    }

    @Override
    public void addTransposeMultiply(double[] a, double[] b, double[] c, int k, int n, int m) {
        Sizes.product("addTransposeMultiply", a, k, n, b, k, m, c, n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[p * n + i] * b[p * m + j];
                }
                c[i * m + j] += sum;
            }
        }
    }

    @Override
    public void exp(double[] x, double[] out, int length) {
        Sizes.elements("exp", x, out, length);
        for (int i = 0; i < length; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    @Override
    public String description() {
        return "reference (plain loops, one thread)";
    }
}
