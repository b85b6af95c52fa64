package org.nn4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.EpochEnd;
import org.nn4j.api.training.TrainingControl;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.activations.Relu;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.TrainingConfig;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/**
 * Not a test: the measurement behind docs/spark.md, run by {@code nn-spark/scripts/epoch-times.sh}. Trains a
 * generated classification set (rows × 32 features, 10 classes; a 32-64-10 MLP with Adam) for a few epochs on one
 * machine ({@code fit}) or on Spark ({@code local[1]}, {@code local[2]}, ...), and prints the seconds of each epoch
 * after the first (the first also pays for warming up the JVM and caching the data).
 * <pre>
 *   EpochTimes fit|local[1]|local[2] ROWS BATCH SHARDS EPOCHS
 * </pre>
 */
public final class EpochTimes {

    private EpochTimes() {
    }

    /**
     * @param args where, rows, batch size, shards, epochs
     */
    public static void main(String[] args) {
        String where = args[0];
        int rows = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int shards = Integer.parseInt(args[3]);
        int epochs = Integer.parseInt(args[4]);
        NumpyRandom random = new NumpyRandom(3);
        Matrix x = Matrix.zeros(rows, 32);
        Matrix y = Matrix.zeros(rows, 10);
        for (int r = 0; r < rows; r++) {
            int k = r % 10;
            for (int c = 0; c < 32; c++) {
                x.set(r, c, random.nextGaussian() + (c % 10 == k ? 2 : 0));
            }
            y.set(r, k, 1);
        }
        Sequential model = Sequential.builder().input(32).dense(64).activation(new Relu()).dense(10)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.001)).seed(1).build();
        List<Double> seconds = new ArrayList<>();
        TrainingListener timer = new TrainingListener() {
            private double last;

            @Override
            public void onEpochEnd(EpochEnd event, TrainingControl control) {
                double now = event.elapsed().toNanos() / 1e9;
                seconds.add(now - last);
                last = now;
            }
        };
        TrainingConfig config = TrainingConfig.builder().epochs(epochs).batchSize(batch).shards(shards)
                .listener(timer).build();
        if (where.equals("fit")) {
            model.fit(x, y, config);
        } else {
            SparkSession spark = SparkSession.builder().master(where).appName("epoch times")
                    .config("spark.ui.enabled", "false").getOrCreate();
            DataParallelTrainer.on(spark).fit(model, x, y, config);
            spark.stop();
        }
        System.out.printf("%s rows=%d batch=%d shards=%d params=%d epoch seconds=%s%n", where, rows, batch, shards,
                model.parameterCount(), seconds);
    }
}
