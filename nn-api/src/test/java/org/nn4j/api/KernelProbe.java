package org.nn4j.api;

/** Run by {@link KernelChoiceTest} in a child JVM: multiplies large enough to use a blocked kernel. */
final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        Matrix a = Matrix.filled(40, 40, 0.5);
        Matrix product = a.times(a).transposeTimes(a).timesTranspose(a);
        System.out.println("kernel: " + Matrix.productKernel() + " sum " + product.sum());
    }
}
