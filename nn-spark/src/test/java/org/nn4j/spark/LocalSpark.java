package org.nn4j.spark;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.nn4j.api.Matrix;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.ModelNames;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/**
 * Spark's local mode for the tests: one session at a time in the tests' JVM, restarted only when a test needs
 * another master ({@code local[2]}, {@code local[4]}, {@code local[2,3]}), since starting Spark takes seconds. Also
 * the data and model the tests share.
 */
final class LocalSpark {

    private static SparkSession session;
    private static String master;

    private LocalSpark() {
    }

    /** @return a session on {@code wanted}, the one already running if it has that master */
    static synchronized SparkSession on(String wanted) {
        if (session != null && wanted.equals(master)) {
            return session;
        }
        if (session != null) {
            session.stop();
        }
        session = SparkSession.builder().master(wanted).appName("nn-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        master = wanted;
        return session;
    }

    /** The iris-shaped data: 150 flowers, 4 measurements, 3 species in blobs around made-up centres. */
    static Matrix[] flowers(int rows, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        double[][] centres = {{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};
        Matrix x = Matrix.zeros(rows, 4);
        Matrix y = Matrix.zeros(rows, 3);
        for (int r = 0; r < rows; r++) {
            int k = r % 3;
            for (int c = 0; c < 4; c++) {
                x.set(r, c, centres[k][c] + 0.4 * random.nextGaussian());
            }
            y.set(r, k, 1);
        }
        return new Matrix[] {x, y};
    }

    static final List<String> FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    /** A 4-8-3 classifier on logits, trained with Adam (an optimizer with state to carry between steps). */
    static Sequential classifier() {
        return Sequential.builder().input(4).dense(8).activation(new Tanh()).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.05)).seed(42)
                .names(ModelNames.of(FEATURES, SPECIES)).build();
    }
}
