package org.nn4j.core.data;

import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * The small two-dimensional data sets that teaching uses to show what a network can separate: every one drawn
 * from the generator it is given, so the same seed gives the same points.
 *
 * <p>Two-class sets ({@link #xor}, {@link #circles}, {@link #moons}) have a single 0/1 target column (for a
 * sigmoid output and {@code BinaryCrossEntropy}); many-class sets ({@link #spirals}, {@link #blobs}) have one-hot
 * target rows (for a {@code Softmax} output and {@code CategoricalCrossEntropy}). Rows come grouped by class:
 * shuffle before a validation split, which takes the last rows. {@code noise} is the standard deviation of the
 * Gaussian added to each coordinate (to the angle, for spirals).
 */
public final class TeachingSets {

    private TeachingSets() {
    }

    /**
     * XOR of the quadrants: points uniform in {@code [−1, 1]²}, class 1 where exactly one coordinate is positive
     * (decided before the noise is added).
     *
     * @param n the number of points
     * @param noise standard deviation of the Gaussian added to each coordinate, 0 or more
     * @param random the generator
     * @return {@code n×2} inputs, {@code n×1} targets
     */
    public static Dataset xor(int n, double noise, RandomGenerator random) {
        check("xor", n, noise);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            double a = 2 * random.nextDouble() - 1;
            double b = 2 * random.nextDouble() - 1;
            y.set(i, 0, (a > 0) != (b > 0) ? 1 : 0);
            x.set(i, 0, a + noise * random.nextGaussian());
            x.set(i, 1, b + noise * random.nextGaussian());
        }
        return new Dataset(x, y);
    }

    /**
     * Two concentric circles: the first {@code n/2} points on the unit circle (class 0), the rest on a circle of
     * radius {@code factor} (class 1), at uniform angles.
     *
     * @param n the number of points
     * @param noise standard deviation of the Gaussian added to each coordinate
     * @param factor the inner radius, in {@code (0, 1)}
     * @param random the generator
     * @return {@code n×2} inputs, {@code n×1} targets
     */
    public static Dataset circles(int n, double noise, double factor, RandomGenerator random) {
        check("circles", n, noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("TeachingSets.circles: factor must be in (0, 1), got " + factor);
        }
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int label = i < n / 2 ? 0 : 1;
            double r = label == 0 ? 1 : factor;
            double angle = 2 * Math.PI * random.nextDouble();
            x.set(i, 0, r * Math.cos(angle) + noise * random.nextGaussian());
            x.set(i, 1, r * Math.sin(angle) + noise * random.nextGaussian());
            y.set(i, 0, label);
        }
        return new Dataset(x, y);
    }

    /**
     * Two interleaving half-moons: class 0 on {@code (cos t, sin t)}, class 1 on {@code (1 − cos t, ½ − sin t)},
     * {@code t} uniform in {@code [0, π]}; the first {@code n/2} points are class 0.
     *
     * @param n the number of points
     * @param noise standard deviation of the Gaussian added to each coordinate
     * @param random the generator
     * @return {@code n×2} inputs, {@code n×1} targets
     */
    public static Dataset moons(int n, double noise, RandomGenerator random) {
        check("moons", n, noise);
        Matrix x = Matrix.zeros(n, 2);
        Matrix y = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int label = i < n / 2 ? 0 : 1;
            double t = Math.PI * random.nextDouble();
            double a = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double b = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            x.set(i, 0, a + noise * random.nextGaussian());
            x.set(i, 1, b + noise * random.nextGaussian());
            y.set(i, 0, label);
        }
        return new Dataset(x, y);
    }

    /**
     * {@code classes} interleaved spiral arms around the origin. Point {@code i} of class {@code c} is
     * <pre>
     *   s = i / pointsPerClass                      ∈ [0, 1)
     *   r = s,   θ = 2π·c / classes + 4·s + noise·N(0, 1)          (each arm turns 4 radians)
     *   (x₁, x₂) = (r·cos θ, r·sin θ)
     * </pre>
     *
     * @param pointsPerClass points on each arm, at least 1
     * @param classes the number of arms, at least 2
     * @param noise standard deviation of the Gaussian added to the angle
     * @param random the generator
     * @return {@code (pointsPerClass·classes)×2} inputs, one-hot {@code ×classes} targets
     */
    public static Dataset spirals(int pointsPerClass, int classes, double noise, RandomGenerator random) {
        check("spirals", pointsPerClass, noise);
        if (classes < 2) {
            throw new IllegalArgumentException("TeachingSets.spirals: need at least 2 classes, got " + classes);
        }
        int n = pointsPerClass * classes;
        Matrix x = Matrix.zeros(n, 2);
        int[] labels = new int[n];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < pointsPerClass; i++) {
                int row = c * pointsPerClass + i;
                double s = (double) i / pointsPerClass;
                double angle = 2 * Math.PI * c / classes + 4 * s + noise * random.nextGaussian();
                x.set(row, 0, s * Math.cos(angle));
                x.set(row, 1, s * Math.sin(angle));
                labels[row] = c;
            }
        }
        return new Dataset(x, Dataset.oneHot(labels, classes));
    }

    /**
     * Gaussian blobs: {@code pointsPerClass} points around each centre, class {@code c} around row {@code c} of
     * {@code centers}.
     *
     * @param pointsPerClass points per blob, at least 1
     * @param centers one centre per row, {@code classes×2}, at least 2 rows
     * @param spread standard deviation of each coordinate around its centre, 0 or more
     * @param random the generator
     * @return {@code (pointsPerClass·classes)×2} inputs, one-hot {@code ×classes} targets
     */
    public static Dataset blobs(int pointsPerClass, Matrix centers, double spread, RandomGenerator random) {
        check("blobs", pointsPerClass, spread);
        if (centers.rows() < 2 || centers.cols() != 2) {
            throw new IllegalArgumentException("TeachingSets.blobs: centers must be k×2 with k ≥ 2, got "
                    + centers.shape());
        }
        int classes = centers.rows();
        Matrix x = Matrix.zeros(pointsPerClass * classes, 2);
        int[] labels = new int[x.rows()];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < pointsPerClass; i++) {
                int row = c * pointsPerClass + i;
                x.set(row, 0, centers.get(c, 0) + spread * random.nextGaussian());
                x.set(row, 1, centers.get(c, 1) + spread * random.nextGaussian());
                labels[row] = c;
            }
        }
        return new Dataset(x, Dataset.oneHot(labels, classes));
    }

    private static void check(String name, int n, double noise) {
        if (n < 1) {
            throw new IllegalArgumentException("TeachingSets." + name + ": need at least 1 point, got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("TeachingSets." + name + ": noise must be 0 or more, got " + noise);
        }
    }
}
