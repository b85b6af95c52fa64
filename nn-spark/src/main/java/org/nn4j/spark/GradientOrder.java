package org.nn4j.spark;

/**
 * In which order a data-parallel step adds its partitions' gradients.
 * <ul>
 *   <li>{@link #FIXED}: over the fixed tree of shards ({@code ShardTree}), whichever partition computed what:
 *       the same weights as {@code Sequential.fit} with {@code TrainingConfig.shards(S)}, bit for bit, for any
 *       number of partitions and any retries.</li>
 *   <li>{@link #ARRIVAL}: each partition computes all its rows of the batch in one pass and Spark adds the
 *       partitions' sums in a tree of its own ({@code treeReduce}), in the order tasks finish. Fewer, larger matrix
 *       products; the weights then differ from the fixed order's by rounding, a few units in the last place per
 *       step (the bound and the measured drift are in {@code docs/spark.md}), and may differ between runs.</li>
 * </ul>
 */
public enum GradientOrder {
    /** Add over the fixed tree of shards: reproducible to the bit. */
    FIXED,
    /** One pass per partition, added as the results arrive: faster, reproducible only up to rounding. */
    ARRIVAL
}
