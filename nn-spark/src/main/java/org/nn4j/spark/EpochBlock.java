package org.nn4j.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A partition's rows in the order one epoch trains them: each row's position in the epoch (ascending), its shard,
 * its inputs and its targets. Batch {@code b} is the positions {@code b·B … (b+1)·B − 1}, so a partition's rows of
 * a batch are a run of consecutive rows here.
 */
final class EpochBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    final ShardBlock block;
    final int[] positions;
    final int[] shard;
    final double[] x;
    final double[] y;

    EpochBlock(ShardBlock block, int[] positions, int[] shard, double[] x, double[] y) {
        this.block = block;
        this.positions = positions;
        this.shard = shard;
        this.x = x;
        this.y = y;
    }

    /** @return the index of the first row whose position is at least {@code position} */
    int firstAtOrAfter(int position) {
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 1;
    }
}
