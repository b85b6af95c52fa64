package org.nn4j.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;

/**
 * A batch's gradient computed shard by shard and added over the {@link ShardTree}, on one machine: what
 * {@code fit} does with {@code TrainingConfig.shards(S)} for {@code S > 1}, so that a run on one machine and a
 * data-parallel run over the same shards (nn-spark) produce the same weights, bit for bit.
 * <pre>
 *   for each shard s holding rows of the batch:  g_s, L_s = forward, loss, backward on those rows (in batch order)
 *   ∂L/∂p = the tree's sum of (n_s/n)·g_s;   L = the tree's sum of (n_s/n)·L_s
 *   output = every shard's output rows, put back in batch order (for the metrics)
 * </pre>
 */
final class ShardedGradient {

    private final GradientPass pass;
    private final List<Parameter> parameters;
    private final int shards;
    private final int dataRows;
    private Matrix output;

    ShardedGradient(GradientPass pass, Sequential model, int shards, int dataRows) {
        this.pass = pass;
        this.parameters = List.copyOf(model.parameters().values());
        this.shards = shards;
        this.dataRows = dataRows;
    }

    /**
     * Leaves the batch's gradient in the parameters.
     *
     * @param x the batch's inputs
     * @param y the batch's targets
     * @param rows each batch row's index in the training data, which decides its shard
     * @return the batch's loss, the tree's sum of the shards' weighted losses
     */
    double compute(Matrix x, Matrix y, int[] rows, int epoch, int batch) {
        List<List<Integer>> positions = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            positions.add(new ArrayList<>());
        }
        for (int q = 0; q < rows.length; q++) {
            positions.get(ShardTree.shardOf(rows[q], dataRows, shards)).add(q);
        }
        Map<ShardTree.Node, GradientSum> leaves = new HashMap<>();
        output = null;
        for (int s = 0; s < shards; s++) {
            int[] mine = positions.get(s).stream().mapToInt(Integer::intValue).toArray();
            if (mine.length == 0) {
                continue;
            }
            double loss = pass.compute(x.selectRows(mine), y.selectRows(mine), epoch, batch);
            leaves.put(new ShardTree.Node(s, s + 1),
                    GradientSum.weighted((double) mine.length / rows.length, loss, parameters));
            Matrix shardOutput = pass.output();
            if (output == null) {
                output = Matrix.zeros(rows.length, shardOutput.cols());
            }
            for (int i = 0; i < mine.length; i++) {
                for (int c = 0; c < shardOutput.cols(); c++) {
                    output.set(mine[i], c, shardOutput.get(i, c));
                }
            }
        }
        GradientSum sum = ShardTree.sum(leaves, new ShardTree.Node(0, shards));
        sum.copyInto(parameters);
        return sum.loss();
    }

    /** @return the model's output for the last batch, rows in batch order */
    Matrix output() {
        return output;
    }
}
