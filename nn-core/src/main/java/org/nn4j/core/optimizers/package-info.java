/**
 * Built-in {@link org.nn4j.api.Optimizer}s, each with its update rule in its javadoc:
 * {@link org.nn4j.core.optimizers.Sgd}, {@link org.nn4j.core.optimizers.Momentum} (classical and Nesterov) and
 * {@link org.nn4j.core.optimizers.Adam}. Their state is keyed {@code <slot>/<parameter path>} so that it can be
 * saved with the model and restored to resume training exactly. {@link org.nn4j.core.optimizers.ClipByGlobalNorm}
 * clips the gradients by their global norm for any of them, {@link org.nn4j.core.optimizers.WeightDecay} adds
 * L2 weight decay, and {@link org.nn4j.core.optimizers.Scheduled} follows a
 * {@link org.nn4j.core.optimizers.LearningRateSchedule} by epoch ({@link org.nn4j.core.optimizers.StepDecay},
 * {@link org.nn4j.core.optimizers.CosineDecay}).
 */
package org.nn4j.core.optimizers;
