package org.nn4j.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.nn4j.api.Matrix;
import org.nn4j.api.Parameter;
import org.nn4j.core.model.GradientPass;
import org.nn4j.core.model.GradientSum;
import org.nn4j.core.model.Sequential;
import org.nn4j.core.model.ShardTree;

/**
 * One partition's part of one training step: the rows of batch {@code [from, to)} that it holds, through the same
 * {@link GradientPass} as {@code Sequential.fit} uses (forward, loss, backward), with the weights of this step.
 * <pre>
 *   fixed order:    for each of its shards s with rows in the batch:  leaf_s = (n_s/n)·gradient of those rows
 *                   send the sums of the largest tree nodes inside its shards  (ShardTree.nodesWithin)
 *   arrival order:  send (n_p/n)·gradient of all its rows in the batch, in one pass
 * </pre>
 */
final class WorkerStep implements FlatMapFunction<Iterator<EpochBlock>, StepResult> {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String json;
    private final FormatSource format;
    private final Broadcast<double[]> weights;
    private final int epoch;
    private final int batch;
    private final int from;
    private final int to;
    private final int shards;
    private final boolean fixedOrder;
    private final boolean withOutputs;

    WorkerStep(String key, String json, FormatSource format, Broadcast<double[]> weights, int epoch, int batch,
            int from, int to, int shards, boolean fixedOrder, boolean withOutputs) {
        this.key = key;
        this.json = json;
        this.format = format;
        this.weights = weights;
        this.epoch = epoch;
        this.batch = batch;
        this.from = from;
        this.to = to;
        this.shards = shards;
        this.fixedOrder = fixedOrder;
        this.withOutputs = withOutputs;
    }

    @Override
    public Iterator<StepResult> call(Iterator<EpochBlock> blocks) {
        List<StepResult> results = new ArrayList<>(1);
        while (blocks.hasNext()) {
            results.add(step(blocks.next()));
        }
        return results.iterator();
    }

    private StepResult step(EpochBlock block) {
        int lo = block.firstAtOrAfter(from);
        int hi = block.firstAtOrAfter(to);
        if (lo == hi) {
            return new StepResult(Map.of(), null, new int[0], new double[0], new double[0]);
        }
        Sequential model = WorkerModels.borrow(key, json, format);
        try {
            setValues(model, weights.value());
            Map<String, Matrix> stateBefore = copies(model.state());
            GradientPass pass = new GradientPass(model, new NoRandomness());
            List<Parameter> parameters = List.copyOf(model.parameters().values());
            Outputs outputs = new Outputs(hi - lo, model.outputSize(), block.block.outputs);
            Map<ShardTree.Node, GradientSum> nodes = new HashMap<>();
            GradientSum partial = null;
            if (fixedOrder) {
                Map<ShardTree.Node, GradientSum> leaves = new HashMap<>();
                for (int s = block.block.firstShard; s < block.block.endShard; s++) {
                    int[] rows = rowsOfShard(block, lo, hi, s);
                    if (rows.length > 0) {
                        double loss = pass.compute(rowsOf(block.x, block.block.inputs, rows),
                                rowsOf(block.y, block.block.outputs, rows), epoch, batch);
                        leaves.put(new ShardTree.Node(s, s + 1),
                                GradientSum.weighted((double) rows.length / (to - from), loss, parameters));
                        outputs.add(block, rows, pass.output(), from);
                    }
                }
                for (ShardTree.Node node : ShardTree.nodesWithin(block.block.firstShard, block.block.endShard,
                        shards)) {
                    GradientSum sum = ShardTree.sum(leaves, node);
                    if (sum != null) {
                        nodes.put(node, sum);
                    }
                }
            } else {
                int[] rows = new int[hi - lo];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = lo + i;
                }
                double loss = pass.compute(rowsOf(block.x, block.block.inputs, rows),
                        rowsOf(block.y, block.block.outputs, rows), epoch, batch);
                partial = GradientSum.weighted((double) rows.length / (to - from), loss, parameters);
                outputs.add(block, rows, pass.output(), from);
            }
            checkStateUnchanged(stateBefore, model.state());
            return withOutputs ? new StepResult(nodes, partial, outputs.positions, outputs.outputs, outputs.targets)
                    : new StepResult(nodes, partial, new int[0], new double[0], new double[0]);
        } finally {
            WorkerModels.giveBack(key, model);
        }
    }

    /** The rows {@code lo … hi − 1} of the block that belong to shard {@code s}, in batch order. */
    private static int[] rowsOfShard(EpochBlock block, int lo, int hi, int s) {
        int count = 0;
        for (int k = lo; k < hi; k++) {
            count += block.shard[k] == s ? 1 : 0;
        }
        int[] rows = new int[count];
        int i = 0;
        for (int k = lo; k < hi; k++) {
            if (block.shard[k] == s) {
                rows[i++] = k;
            }
        }
        return rows;
    }

    private static Matrix rowsOf(double[] values, int cols, int[] rows) {
        double[] picked = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * cols, picked, i * cols, cols);
        }
        return Matrix.fromRowMajor(rows.length, cols, picked);
    }

    /** Sets every parameter from one flat array, in the model's parameter order. */
    static void setValues(Sequential model, double[] values) {
        int at = 0;
        for (Parameter p : model.parameters().values()) {
            Matrix v = p.value();
            for (int i = 0; i < v.size(); i++) {
                v.setFlat(i, values[at++]);
            }
        }
        if (at != values.length) {
            throw new IllegalStateException("nn-spark: " + values.length + " weights sent for a model of " + at);
        }
    }

    private static Map<String, Matrix> copies(Map<String, Matrix> state) {
        Map<String, Matrix> copies = new LinkedHashMap<>();
        state.forEach((name, value) -> copies.put(name, value.copy()));
        return copies;
    }

    private static void checkStateUnchanged(Map<String, Matrix> before, Map<String, Matrix> after) {
        for (Map.Entry<String, Matrix> e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) {
                throw new UnsupportedOperationException("nn-spark: the layer state " + e.getKey() + " changed while"
                        + " training on a worker; data-parallel training supports only layers that keep their state"
                        + " fixed while training (not batch normalisation's running statistics)");
            }
        }
    }

    /** The outputs and targets of the rows a partition computed, with their positions in the batch. */
    private static final class Outputs {
        int[] positions;
        double[] outputs;
        double[] targets;
        private int filled;
        private final int outputSize;
        private final int targetSize;

        Outputs(int rows, int outputSize, int targetSize) {
            this.positions = new int[rows];
            this.outputs = new double[rows * outputSize];
            this.targets = new double[rows * targetSize];
            this.outputSize = outputSize;
            this.targetSize = targetSize;
        }

        void add(EpochBlock block, int[] rows, Matrix output, int batchStart) {
            for (int i = 0; i < rows.length; i++) {
                positions[filled] = block.positions[rows[i]] - batchStart;
                for (int c = 0; c < outputSize; c++) {
                    outputs[filled * outputSize + c] = output.get(i, c);
                }
                System.arraycopy(block.y, rows[i] * targetSize, targets, filled * targetSize, targetSize);
                filled++;
            }
        }
    }
}
