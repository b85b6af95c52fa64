package org.nn4j.core.data;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nn4j.api.Matrix;

/**
 * Inputs and their targets, one sample per row: what {@code Sequential.fit} trains on.
 *
 * @param inputs one sample per row, {@code n×features}
 * @param targets one target per row, {@code n×outputs} (a 0/1 column for two classes, one-hot rows for more)
 */
public record Dataset(Matrix inputs, Matrix targets) {

    /**
     * Checks that inputs and targets have the same number of rows.
     *
     * @param inputs one sample per row, {@code n×features}
     * @param targets one target per row, {@code n×outputs} (a 0/1 column for two classes, one-hot rows for more)
     */
    public Dataset {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("Dataset: inputs have " + inputs.rows() + " rows but targets have "
                    + targets.rows());
        }
    }

    /** @return the number of samples */
    public int rows() {
        return inputs.rows();
    }

    /**
     * @param indices the rows to keep, in this order (repeats allowed)
     * @return a new data set of those rows
     */
    public Dataset selectRows(int[] indices) {
        return new Dataset(inputs.selectRows(indices), targets.selectRows(indices));
    }

    /**
     * @param random the generator that draws the order (Fisher–Yates, {@code n − 1} draws of {@code nextInt})
     * @return a new data set with the rows in a random order
     */
    public Dataset shuffled(RandomGenerator random) {
        return selectRows(permutation(rows(), random));
    }

    /**
     * Shuffles the rows and splits them: the first {@code n − round(n·testFraction)} shuffled rows train, the
     * rest test.
     *
     * @param testFraction the fraction of rows for testing, in {@code (0, 1)}
     * @param random the generator that draws the order
     * @return the two parts
     * @throws IllegalArgumentException if the fraction is out of range or would leave a part empty
     */
    public Split split(double testFraction, RandomGenerator random) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("Dataset.split: test fraction must be in (0, 1), got " + testFraction);
        }
        int n = rows();
        int test = (int) Math.round(n * testFraction);
        if (test == 0 || test == n) {
            throw new IllegalArgumentException("Dataset.split: " + n + " rows with test fraction " + testFraction
                    + " leave " + (n - test) + " for training and " + test + " for testing; each needs one");
        }
        int[] order = permutation(n, random);
        return new Split(selectRows(java.util.Arrays.copyOfRange(order, 0, n - test)),
                selectRows(java.util.Arrays.copyOfRange(order, n - test, n)));
    }

    /**
     * One-hot rows for class labels.
     *
     * @param labels a class index per sample, each in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return an {@code n×classes} matrix with a single 1 per row, at the label's column
     * @throws IllegalArgumentException if a label is out of range
     */
    public static Matrix oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("Dataset.oneHot: classes must be at least 1, got " + classes);
        }
        Matrix m = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("Dataset.oneHot: label " + labels[i] + " at row " + i
                        + " is outside [0, " + classes + ")");
            }
            m.set(i, labels[i], 1.0);
        }
        return m;
    }

    static int[] permutation(int n, RandomGenerator random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * A data set split in two.
     *
     * @param train the rows to train on
     * @param test the held-out rows
     */
    public record Split(Dataset train, Dataset test) {
    }
}
