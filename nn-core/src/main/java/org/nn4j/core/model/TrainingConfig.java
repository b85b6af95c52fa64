package org.nn4j.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nn4j.api.Matrix;
import org.nn4j.api.training.TrainingListener;
import org.nn4j.core.metrics.Metric;

/**
 * How {@link Sequential#fit(Matrix, Matrix, TrainingConfig)} trains: an immutable set of choices made with
 * {@link #builder()}.
 *
 * <ul>
 *   <li>{@code epochs}: passes over the training data (required).</li>
 *   <li>{@code batchSize}: samples per update; {@code 0} (the default) means the whole data set in one batch,
 *       as the blog trains.</li>
 *   <li>{@code shuffle}: reorder the samples every epoch with the model's generator (default {@code true}; it
 *       has no effect on full-batch training, which then draws nothing).</li>
 *   <li>{@code validation}: data evaluated after every epoch, reported as the {@code val_loss} metric (and
 *       {@code val_<metric>} for every metric).</li>
 *   <li>{@code validationSplit}: instead of separate validation data, hold out this fraction of the training
 *       rows: the <b>last</b> {@code n − floor(n·(1 − split))} rows, taken before any shuffling (as Keras does),
 *       so shuffle the data first if it is ordered by class. The held-out rows are never trained on.</li>
 *   <li>{@code metrics}: measured on every batch before its update and averaged over the epoch weighted by batch
 *       size, exactly as the epoch's loss is; reported under their names (such as {@code accuracy}) and, on the
 *       validation data after the epoch, as {@code val_<name>}.</li>
 *   <li>{@code listeners}: told about training, in this order.</li>
 *   <li>{@code initialEpoch}: the epochs already trained before this call, when resuming from a checkpoint (as
 *       Keras' {@code initial_epoch}); training runs epochs {@code initialEpoch … epochs − 1}, the events carry
 *       those epoch numbers, and {@code epochs} stays the total. Default 0.</li>
 *   <li>{@code shards}: compute each batch's gradient in this many shards of the data's rows and add them in the
 *       fixed order of the {@link ShardTree}, as a data-parallel run over the same shards does (nn-spark), so the
 *       two give the same weights bit for bit. Default 1: the whole batch in one pass, the plain textbook step
 *       (which equals the sharded one with one shard). More shards cost a little speed on one machine and change
 *       the weights only by rounding.</li>
 * </ul>
 * The metrics of an epoch are reported in this order: each training metric, {@code val_loss}, then each
 * validation metric. Without metrics and validation an epoch reports no metrics at all (the blog's output).
 *
 * @param epochs passes over the data, 0 or more
 * @param batchSize samples per batch, or 0 for full batch
 * @param shuffle whether to shuffle every epoch
 * @param validation data to evaluate after every epoch, if any
 * @param validationSplit the fraction of training rows held out for validation, in {@code [0, 1)}; 0 for none
 * @param metrics measured after every epoch, in this order
 * @param listeners the listeners, in call order
 * @param initialEpoch the epochs completed before this call, from 0 to {@code epochs}
 * @param shards the shards each batch's gradient is computed in, 1 or more
 */
public record TrainingConfig(int epochs, int batchSize, boolean shuffle, Optional<Validation> validation,
        double validationSplit, List<Metric> metrics, List<TrainingListener> listeners, int initialEpoch,
        int shards) {

    /**
     * Checks the values and copies the listeners.
     *
     * @param epochs passes over the data, 0 or more
     * @param batchSize samples per batch, or 0 for full batch
     * @param shuffle whether to shuffle every epoch
     * @param validation data to evaluate after every epoch, if any
     * @param validationSplit the fraction of training rows held out for validation, in {@code [0, 1)}; 0 for none
     * @param metrics measured after every epoch, in this order
     * @param listeners the listeners, in call order
     * @param initialEpoch the epochs completed before this call, from 0 to {@code epochs}
     * @param shards the shards each batch's gradient is computed in, 1 or more
     */
    public TrainingConfig {
        checkArgument(shards >= 1, "TrainingConfig: shards must be 1 or more, got %s", shards);
        checkArgument(epochs >= 0, "TrainingConfig: epochs must be 0 or more, got %s", epochs);
        checkArgument(batchSize >= 0, "TrainingConfig: batch size must be 0 (full batch) or more, got %s",
                batchSize);
        checkNotNull(validation, "validation");
        checkArgument(initialEpoch >= 0 && initialEpoch <= epochs,
                "TrainingConfig: initial epoch must be between 0 and epochs (%s), got %s", epochs, initialEpoch);
        checkArgument(validationSplit >= 0 && validationSplit < 1,
                "TrainingConfig: validation split must be in [0, 1), got %s", validationSplit);
        checkArgument(validationSplit == 0 || validation.isEmpty(),
                "TrainingConfig: give validation data or a validation split, not both");
        metrics = ImmutableList.copyOf(metrics);
        listeners = ImmutableList.copyOf(listeners);
    }

    /** @return a builder with full-batch training, shuffling on, no validation, no metrics and no listeners */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Held-out data evaluated after every epoch.
     *
     * @param inputs one sample per row
     * @param targets one target per row
     */
    public record Validation(Matrix inputs, Matrix targets) {

        /**
         * Checks that inputs and targets have the same number of rows.
         *
         * @param inputs one sample per row
         * @param targets one target per row
         */
        public Validation {
            checkArgument(inputs.rows() == targets.rows(), "TrainingConfig.validation: inputs have %s rows, targets %s",
                    inputs.rows(), targets.rows());
        }
    }

    /** Builds a {@link TrainingConfig}; every method returns this builder. */
    public static final class Builder {

        private Integer epochs;
        private int batchSize;
        private boolean shuffle = true;
        private Validation validation;
        private int initialEpoch;
        private double validationSplit;
        private int shards = 1;
        private final List<Metric> metrics = new ArrayList<>();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param epochs passes over the data, 0 or more
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * @param batchSize samples per update, or 0 for the whole data set
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param shuffle whether to reorder the samples every epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * @param inputs validation inputs
         * @param targets validation targets
         * @return this builder
         */
        public Builder validation(Matrix inputs, Matrix targets) {
            this.validation = new Validation(inputs, targets);
            return this;
        }

        /**
         * Resumes the epoch counter: the epochs {@code 0 … initialEpoch − 1} count as done (for example the
         * epochs completed in a checkpoint), so training runs {@code epochs − initialEpoch} more.
         *
         * @param initialEpoch the epochs already trained, from 0 to {@code epochs}
         * @return this builder
         */
        public Builder initialEpoch(int initialEpoch) {
            this.initialEpoch = initialEpoch;
            return this;
        }

        /**
         * Holds out the last {@code n − floor(n·(1 − fraction))} training rows (before shuffling) as validation
         * data.
         *
         * @param fraction the fraction of rows to hold out, in {@code [0, 1)}; 0 for none
         * @return this builder
         */
        public Builder validationSplit(double fraction) {
            this.validationSplit = fraction;
            return this;
        }

        /**
         * Computes each batch's gradient in shards of the data's rows, added in a fixed order ({@link ShardTree}):
         * the same numbers as a data-parallel run over as many shards.
         *
         * @param count the number of shards, 1 (the default: the whole batch in one pass) or more
         * @return this builder
         */
        public Builder shards(int count) {
            this.shards = count;
            return this;
        }

        /**
         * @param metric a metric reported after every epoch, after those added before it
         * @return this builder
         */
        public Builder metric(Metric metric) {
            metrics.add(checkNotNull(metric, "metric"));
            return this;
        }

        /**
         * @param listener a listener, called after those added before it
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            listeners.add(checkNotNull(listener, "listener"));
            return this;
        }

        /**
         * @param more listeners, called in this order after those added before
         * @return this builder
         */
        public Builder listeners(List<? extends TrainingListener> more) {
            for (TrainingListener listener : more) {
                listener(listener);
            }
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalStateException if {@code epochs} was not set
         */
        public TrainingConfig build() {
            checkState(epochs != null, "TrainingConfig.builder: missing epochs(...)");
            return new TrainingConfig(epochs, batchSize, shuffle, Optional.ofNullable(validation),
                    validationSplit, metrics, listeners, initialEpoch, shards);
        }
    }
}
