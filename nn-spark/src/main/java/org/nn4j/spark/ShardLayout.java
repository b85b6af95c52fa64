package org.nn4j.spark;

import org.apache.spark.Partitioner;
import org.nn4j.core.model.ShardTree;

/**
 * Where the rows of the training data live: the {@code n} rows are cut into {@code S} shards of consecutive rows
 * ({@link ShardTree#shardOf}), and the shards are dealt to {@code P ≤ S} partitions in consecutive runs, partition
 * {@code p} holding the shards {@code floor(p·S/P) … floor((p+1)·S/P) − 1}. So a partition holds consecutive rows,
 * and its shards form a range of the tree that it can add up itself.
 */
final class ShardLayout extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final long rows;
    private final int shards;
    private final int partitions;

    ShardLayout(long rows, int shards, int partitions) {
        if (partitions < 1 || partitions > shards) {
            throw new IllegalArgumentException("nn-spark: " + partitions + " partitions for " + shards
                    + " shards; each partition needs at least one shard");
        }
        this.rows = rows;
        this.shards = shards;
        this.partitions = partitions;
    }

    /** @return the first shard of a partition; {@code firstShard(P) = S} */
    int firstShard(int partition) {
        return (int) ((long) partition * shards / partitions);
    }

    /** @return the first row of a partition; {@code firstRow(P) = n} */
    long firstRow(int partition) {
        return ShardTree.firstRow(firstShard(partition), rows, shards);
    }

    /** @return the shard a row belongs to */
    int shardOf(long row) {
        return ShardTree.shardOf(row, rows, shards);
    }

    int shards() {
        return shards;
    }

    long rows() {
        return rows;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        int shard = ShardTree.shardOf((Long) key, rows, shards);
        int p = (int) (((long) shard + 1) * partitions / shards);
        while (firstShard(p) > shard) {
            p--;
        }
        return p;
    }
}
