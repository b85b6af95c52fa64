package org.nn4j.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.activations.Tanh;
import org.nn4j.core.losses.SoftmaxCrossEntropy;
import org.nn4j.core.metrics.Accuracy;
import org.nn4j.core.optimizers.Adam;
import org.nn4j.core.random.NumpyRandom;

/**
 * Training in shards ({@code TrainingConfig.shards}): the fixed tree of additions that lets a data-parallel run
 * reproduce a one-machine run bit for bit, and that a sharded run is the same training as the plain one up to
 * rounding.
 */
class ShardedTrainingTest {

    @Test
    void aWorkerSendsTheLargestNodesInsideItsShards() {
        assertEquals(List.of(new ShardTree.Node(0, 4)), ShardTree.nodesWithin(0, 4, 4));
        assertEquals(List.of(new ShardTree.Node(0, 2)), ShardTree.nodesWithin(0, 2, 4));
        assertEquals(List.of(new ShardTree.Node(1, 2), new ShardTree.Node(2, 3)), ShardTree.nodesWithin(1, 3, 4));
        // 3 shards: the root (0,3) splits at 1 into (0,1) and (1,3)
        assertEquals(List.of(new ShardTree.Node(0, 1), new ShardTree.Node(1, 2)), ShardTree.nodesWithin(0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> ShardTree.nodesWithin(2, 2, 4));
    }

    @Test
    void rowsAreCutIntoShardsOfConsecutiveRows() {
        // 10 rows in 4 shards: floor(r·4/10) = 0 0 0 1 1 2 2 2 3 3, first rows 0, 3, 5, 8, 10
        int[] shards = new int[10];
        for (int r = 0; r < 10; r++) {
            shards[r] = ShardTree.shardOf(r, 10, 4);
        }
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2, 2, 2, 3, 3}, shards);
        long[] first = new long[5];
        for (int s = 0; s <= 4; s++) {
            first[s] = ShardTree.firstRow(s, 10, 4);
        }
        assertArrayEquals(new long[] {0, 3, 5, 8, 10}, first);
    }

    /**
     * For every number of shards up to 9 and every way of giving consecutive shards to workers, the sum of the
     * workers' nodes equals the sum of the leaves, bit for bit; a plain left-to-right sum would not always.
     */
    @Test
    void anySplitOfTheShardsAmongWorkersGivesTheSameSumBitForBit() {
        NumpyRandom random = new NumpyRandom(5);
        boolean leftToRightDiffered = false;
        for (int shards = 1; shards <= 9; shards++) {
            Map<ShardTree.Node, GradientSum> leaves = new HashMap<>();
            GradientSum leftToRight = null;
            for (int s = 0; s < shards; s++) {
                GradientSum leaf = randomSum(random, 50);
                leaves.put(new ShardTree.Node(s, s + 1), leaf);
                leftToRight = leftToRight == null ? leaf : leftToRight.plus(leaf);
            }
            GradientSum expected = ShardTree.sum(leaves, new ShardTree.Node(0, shards));
            leftToRightDiffered |= !values(expected).equals(values(leftToRight));
            // every set of cut points between shards: a bit mask over the shards - 1 gaps
            for (int cuts = 0; cuts < 1 << (shards - 1); cuts++) {
                Map<ShardTree.Node, GradientSum> sent = new HashMap<>();
                int from = 0;
                for (int s = 1; s <= shards; s++) {
                    if (s == shards || (cuts & 1 << (s - 1)) != 0) {
                        for (ShardTree.Node node : ShardTree.nodesWithin(from, s, shards)) {
                            sent.put(node, ShardTree.sum(leaves, node));
                        }
                        from = s;
                    }
                }
                GradientSum actual = ShardTree.sum(sent, new ShardTree.Node(0, shards));
                assertEquals(values(expected), values(actual), shards + " shards, cuts " + cuts);
                assertEquals(expected.loss(), actual.loss());
            }
        }
        assertEquals(true, leftToRightDiffered, "the test's data should show that the order matters");
    }

    @Test
    void shardedTrainingIsThePlainTrainingUpToRounding() {
        Matrix x = data(40, 3, 1);
        Matrix y = oneHot(40, 3, 2);
        Sequential plain = model();
        Sequential sharded = model();
        TrainingConfig.Builder config = TrainingConfig.builder().epochs(15).batchSize(8).metric(new Accuracy());
        TrainingHistory a = plain.fit(x, y, config.build());
        TrainingHistory b = sharded.fit(x, y, config.shards(4).build());
        for (int e = 0; e < 15; e++) {
            assertEquals(a.loss().get(e), b.loss().get(e), 1e-13);
            assertEquals(a.metric("accuracy").get(e), b.metric("accuracy").get(e), 1e-15);
        }
        double worst = 0;
        boolean anyDifferent = false;
        for (String path : plain.parameters().keySet()) {
            Matrix p = plain.parameters().get(path).value();
            Matrix q = sharded.parameters().get(path).value();
            for (int i = 0; i < p.size(); i++) {
                worst = Math.max(worst, Math.abs(p.getFlat(i) - q.getFlat(i)));
                anyDifferent |= p.getFlat(i) != q.getFlat(i);
            }
        }
        assertEquals(0, worst, 1e-12);
        assertEquals(true, anyDifferent, "four shards add in another order than one pass");
    }

    @Test
    void oneShardPerRowStillTrainsTheSameModel() {
        Matrix x = data(12, 3, 3);
        Matrix y = oneHot(12, 3, 4);
        Sequential plain = model();
        Sequential sharded = model();
        TrainingHistory a = plain.fit(x, y, TrainingConfig.builder().epochs(5).build());
        TrainingHistory b = sharded.fit(x, y, TrainingConfig.builder().epochs(5).shards(12).build());
        assertEquals(a.finalLoss(), b.finalLoss(), 1e-13);
        assertNotEquals(0, b.finalLoss());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().epochs(1).shards(0).build());
    }

    private static Sequential model() {
        return Sequential.builder().input(3).dense(6).activation(new Tanh()).dense(3)
                .loss(new SoftmaxCrossEntropy()).optimizer(new Adam(0.01)).seed(11).build();
    }

    private static GradientSum randomSum(NumpyRandom random, int size) {
        Parameter p = new Parameter("w", Matrix.zeros(1, size));
        for (int i = 0; i < size; i++) {
            p.gradient().setFlat(i, (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8)));
        }
        return GradientSum.weighted(1.0, random.nextDouble(), List.of(p));
    }

    private static List<Double> values(GradientSum sum) {
        Parameter p = new Parameter("w", Matrix.zeros(1, sum.size()));
        sum.copyInto(List.of(p));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < sum.size(); i++) {
            values.add(p.gradient().getFlat(i));
        }
        return values;
    }

    private static Matrix data(int rows, int cols, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.setFlat(i, random.nextDouble() * 2 - 1);
        }
        return m;
    }

    private static Matrix oneHot(int rows, int classes, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix m = Matrix.zeros(rows, classes);
        for (int r = 0; r < rows; r++) {
            m.set(r, random.nextInt(classes), 1);
        }
        return m;
    }
}
