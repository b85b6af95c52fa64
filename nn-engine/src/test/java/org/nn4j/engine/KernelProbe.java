package org.nn4j.engine;

/**
 * Run by {@link KernelChoiceTest} in a child JVM: multiplies large enough to use a blocked kernel, or with the
 * argument {@code small} only a product small enough for the simple loops.
 */
final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.chosen();
        if (args.length > 0 && args[0].equals("small")) {
            double[] c = new double[16];
            engine.multiply(filled(8, 0.5), filled(8, 0.25), c, 4, 2, 4);
            System.out.println("small product sum " + sum(c));
            return;
        }
        double[] a = filled(40 * 40, 0.5);
        double[] c = new double[40 * 40];
        engine.multiply(a, a, c, 40, 40, 40);
        System.out.println("kernel: " + engine.description() + " sum " + sum(c));
    }

    private static double[] filled(int length, double value) {
        double[] x = new double[length];
        java.util.Arrays.fill(x, value);
        return x;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
