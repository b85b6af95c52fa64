package org.nn4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import scala.Tuple2;

/**
 * The rows one partition holds: consecutive rows of the training data, {@code firstRow …}, each one's inputs and
 * targets, and the shards they make up. Immutable once built.
 */
final class ShardBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    final long firstRow;
    final int count;
    final int firstShard;
    final int endShard;
    final int inputs;
    final int outputs;
    /** Row by row: the inputs of every row, {@code count × inputs}. */
    final double[] x;
    /** Row by row: the targets of every row, {@code count × outputs}. */
    final double[] y;

    private ShardBlock(long firstRow, int count, int firstShard, int endShard, int inputs, int outputs, double[] x,
            double[] y) {
        this.firstRow = firstRow;
        this.count = count;
        this.firstShard = firstShard;
        this.endShard = endShard;
        this.inputs = inputs;
        this.outputs = outputs;
        this.x = x;
        this.y = y;
    }

    /**
     * Gathers a partition's rows, each a pair of its row index and its inputs followed by its targets.
     *
     * @throws IllegalStateException if the rows are not exactly the partition's consecutive rows
     */
    static ShardBlock of(int partition, Iterator<Tuple2<Long, double[]>> rows, ShardLayout layout, int inputs,
            int outputs) {
        long first = layout.firstRow(partition);
        int count = (int) (layout.firstRow(partition + 1) - first);
        double[] x = new double[count * inputs];
        double[] y = new double[count * outputs];
        boolean[] seen = new boolean[count];
        while (rows.hasNext()) {
            Tuple2<Long, double[]> row = rows.next();
            int i = (int) (row._1() - first);
            if (i < 0 || i >= count || seen[i]) {
                throw new IllegalStateException("nn-spark: row " + row._1() + " reached partition " + partition
                        + ", which holds rows " + first + " to " + (first + count - 1));
            }
            seen[i] = true;
            System.arraycopy(row._2(), 0, x, i * inputs, inputs);
            System.arraycopy(row._2(), inputs, y, i * outputs, outputs);
        }
        for (int i = 0; i < count; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("nn-spark: row " + (first + i) + " is missing from partition "
                        + partition);
            }
        }
        return new ShardBlock(first, count, layout.firstShard(partition), layout.firstShard(partition + 1), inputs,
                outputs, x, y);
    }

    /**
     * This block's rows in the order of an epoch: sorted by their position in the epoch's order of all rows.
     *
     * @param order the epoch's order ({@code order[j]} is the row trained j-th), or null for the rows' own order
     * @param layout the data's layout, for each row's shard
     * @return the rows in epoch order, each with its position and shard
     */
    EpochBlock inOrder(int[] order, ShardLayout layout) {
        int[] positions = new int[count];
        if (order == null) {
            for (int i = 0; i < count; i++) {
                positions[i] = (int) (firstRow + i);
            }
        } else {
            int k = 0;
            for (int j = 0; j < order.length; j++) {
                long i = order[j] - firstRow;
                if (i >= 0 && i < count) {
                    positions[k++] = j;
                }
            }
        }
        // positions[] is ascending: gather the rows in that order
        int[] rowOf = new int[count];
        if (order == null) {
            for (int i = 0; i < count; i++) {
                rowOf[i] = i;
            }
        } else {
            for (int k = 0; k < count; k++) {
                rowOf[k] = (int) (order[positions[k]] - firstRow);
            }
        }
        double[] ox = new double[x.length];
        double[] oy = new double[y.length];
        int[] shard = new int[count];
        for (int k = 0; k < count; k++) {
            System.arraycopy(x, rowOf[k] * inputs, ox, k * inputs, inputs);
            System.arraycopy(y, rowOf[k] * outputs, oy, k * outputs, outputs);
            shard[k] = layout.shardOf(firstRow + rowOf[k]);
        }
        return new EpochBlock(this, positions, shard, ox, oy);
    }

    @Override
    public String toString() {
        return "ShardBlock[rows " + firstRow + "+" + count + ", shards " + Arrays.asList(firstShard, endShard) + "]";
    }
}
