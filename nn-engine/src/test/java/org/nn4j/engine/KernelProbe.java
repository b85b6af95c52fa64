package org.nn4j.engine;

/**
 * Run by {@link KernelChoiceTest} in a child JVM: multiplies large enough to use a blocked kernel, or with the
 * argument {@code small} only a product small enough for the simple loops.
 */
final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("small")) {
            Matrix x = Matrix.filled(4, 2, 0.5);
            System.out.println("small product sum " + x.times(Matrix.filled(2, 4, 0.25)).sum());
            return;
        }
        Matrix a = Matrix.filled(40, 40, 0.5);
        Matrix product = a.times(a).transposeTimes(a).timesTranspose(a);
        System.out.println("kernel: " + Matrix.productKernel() + " sum " + product.sum());
    }
}
