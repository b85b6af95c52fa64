package org.nn4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nn4j.core.model.GradientSum;
import org.nn4j.core.model.ShardTree;

/**
 * What one partition sends the driver for one batch: its part of the gradient, and, when the driver measures
 * metrics, its rows' outputs and targets with their positions in the batch.
 * <ul>
 *   <li>in fixed order, the sums of the largest {@link ShardTree} nodes inside its shards (one node when its
 *       shards line up with the tree, as with {@code S = P} or {@code S = 2P});</li>
 *   <li>in arrival order, one weighted sum of all its rows, which Spark adds to the others' as they come.</li>
 * </ul>
 */
final class StepResult implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tree nodes sent, as {@code [from, to)} pairs ({@code ShardTree.Node} is not serializable). */
    private final int[] nodeBounds;
    private final GradientSum[] nodeSums;
    final GradientSum partial;
    final int[] positions;
    final double[] outputs;
    final double[] targets;

    StepResult(Map<ShardTree.Node, GradientSum> nodes, GradientSum partial, int[] positions, double[] outputs,
            double[] targets) {
        this.nodeBounds = new int[2 * nodes.size()];
        this.nodeSums = new GradientSum[nodes.size()];
        int i = 0;
        for (Map.Entry<ShardTree.Node, GradientSum> e : nodes.entrySet()) {
            nodeBounds[2 * i] = e.getKey().from();
            nodeBounds[2 * i + 1] = e.getKey().to();
            nodeSums[i++] = e.getValue();
        }
        this.partial = partial;
        this.positions = positions;
        this.outputs = outputs;
        this.targets = targets;
    }

    /** @return the tree nodes this partition sent, with their sums */
    Map<ShardTree.Node, GradientSum> nodes() {
        Map<ShardTree.Node, GradientSum> nodes = new HashMap<>();
        for (int i = 0; i < nodeSums.length; i++) {
            nodes.put(new ShardTree.Node(nodeBounds[2 * i], nodeBounds[2 * i + 1]), nodeSums[i]);
        }
        return nodes;
    }

    /** Adds two partitions' results in whatever order Spark meets them (the arrival-order mode). */
    static StepResult merge(StepResult a, StepResult b) {
        Map<ShardTree.Node, GradientSum> nodes = a.nodes();
        nodes.putAll(b.nodes());
        GradientSum partial = a.partial == null ? b.partial : b.partial == null ? a.partial : a.partial.plus(b.partial);
        return new StepResult(nodes, partial, concat(a.positions, b.positions), concat(a.outputs, b.outputs),
                concat(a.targets, b.targets));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
