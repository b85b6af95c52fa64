package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed order in which the pieces of a batch's gradient are added, so that a batch computed in pieces, on one
 * machine or on many, gives the same numbers to the last bit.
 *
 * <p><b>Shards.</b> The training data's {@code n} rows are cut into {@code S} shards of consecutive rows: row
 * {@code r} belongs to shard {@code floor(r·S/n)}. A batch's rows fall into some of the shards; shard {@code s}
 * computes the gradient {@code g_s} of the mean loss over its {@code n_s} rows of the batch, and the batch's
 * gradient is their weighted sum:
 * <pre>
 *   ∂L/∂p = Σ_s (n_s/n)·g_s          L = (1/n)·Σ_rows ℓ = Σ_s (n_s/n)·(1/n_s)·Σ_{rows in s} ℓ
 * </pre>
 *
 * <p><b>Why a tree.</b> Floating-point addition is not associative: {@code (a + b) + c} can differ from
 * {@code a + (b + c)} in the last bit. So the sum is taken over one fixed binary tree whatever does the work: the
 * node {@code [from, to)} of shards is a leaf when it holds one shard, and otherwise the sum of its halves
 * {@code [from, mid)} and {@code [mid, to)}, {@code mid = (from + to) / 2}, left plus right. A worker that holds
 * the shards {@code [a, b)} computes the largest nodes inside that range ({@link #nodesWithin}) exactly as the
 * whole tree would, and the driver adds the workers' nodes up the rest of the tree ({@link #sum}): every addition
 * happens once, in the same order, on whichever machine. (Pairwise summation is also the more accurate order: its
 * rounding error grows with {@code log S}, not {@code S}.) With one shard the sum is the plain batch gradient.
 */
public final class ShardTree {

    private ShardTree() {
    }

    /**
     * A node of the tree: the shards {@code from … to − 1}.
     *
     * @param from the first shard
     * @param to one past the last shard
     */
    public record Node(int from, int to) {

        /**
         * Checks the range.
         *
         * @param from the first shard
         * @param to one past the last shard
         */
        public Node {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("ShardTree.Node: empty or negative range [" + from + ", " + to + ")");
            }
        }

        /** @return the split point of an inner node, {@code (from + to) / 2} */
        int middle() {
            return (from + to) >>> 1;
        }

        /** @return whether the node holds one shard */
        boolean isLeaf() {
            return to - from == 1;
        }
    }

    /**
     * The shard a row of the training data belongs to.
     *
     * @param row the row, from 0
     * @param rows the rows of the training data, {@code n}
     * @param shards the number of shards, {@code S}
     * @return {@code floor(row·S/n)}
     */
    public static int shardOf(long row, long rows, int shards) {
        if (row < 0 || row >= rows || shards < 1) {
            throw new IllegalArgumentException("ShardTree.shardOf: row " + row + " of " + rows + " in " + shards
                    + " shards");
        }
        return (int) (row * shards / rows);
    }

    /**
     * The first row of a shard: shard {@code s} holds the rows {@code firstRow(s) … firstRow(s + 1) − 1}.
     *
     * @param shard the shard, from 0 to {@code shards} (which gives {@code rows})
     * @param rows the rows of the training data
     * @param shards the number of shards
     * @return {@code ceil(shard·n/S)}
     */
    public static long firstRow(int shard, long rows, int shards) {
        return (shard * rows + shards - 1) / shards;
    }

    /**
     * The largest nodes of the tree over {@code shards} shards that lie inside {@code [from, to)}, left to right:
     * what a worker holding those shards sends.
     *
     * @param from the worker's first shard
     * @param to one past its last shard
     * @param shards the number of shards
     * @return the nodes, which together hold exactly the shards {@code from … to − 1}
     */
    public static List<Node> nodesWithin(int from, int to, int shards) {
        if (from < 0 || to > shards || from >= to) {
            throw new IllegalArgumentException("ShardTree.nodesWithin: [" + from + ", " + to + ") of " + shards
                    + " shards");
        }
        List<Node> nodes = new ArrayList<>();
        collect(new Node(0, shards), from, to, nodes);
        return List.copyOf(nodes);
    }

    private static void collect(Node node, int from, int to, List<Node> nodes) {
        if (node.to() <= from || to <= node.from()) {
            return;
        }
        if (from <= node.from() && node.to() <= to) {
            nodes.add(node);
            return;
        }
        collect(new Node(node.from(), node.middle()), from, to, nodes);
        collect(new Node(node.middle(), node.to()), from, to, nodes);
    }

    /**
     * The sum over a node of the tree, from sums already known for some nodes: a known node is taken as it is,
     * any other inner node is the sum of its halves, left plus right, and a leaf that is not known is an empty
     * shard (no rows of this batch) and adds nothing.
     *
     * @param known sums of nodes, such as the leaves, or the nodes the workers sent
     * @param node the node to sum, {@code new Node(0, S)} for the whole batch
     * @return the sum, or {@code null} if no shard under the node had rows
     */
    public static GradientSum sum(Map<Node, GradientSum> known, Node node) {
        GradientSum sum = known.get(node);
        if (sum != null || node.isLeaf()) {
            return sum;
        }
        GradientSum left = sum(known, new Node(node.from(), node.middle()));
        GradientSum right = sum(known, new Node(node.middle(), node.to()));
        if (left == null) {
            return right;
        }
        return right == null ? left : left.plus(right);
    }
}
