/**
 * Checkpoints during training, and resuming from them: {@link org.nn4j.io.checkpoint.CheckpointListener} writes the
 * model, its optimizer state, the epoch counter and the generator state every few epochs, atomically, keeping the
 * newest few files; {@link org.nn4j.io.checkpoint.Checkpoints} finds the newest one to resume from.
 *
 * <pre>
 *   Path dir = Path.of("checkpoints");
 *   ModelFormat format = ModelFormat.standard();
 *   Sequential model;
 *   int done = 0;
 *   Optional&lt;Path&gt; newest = Checkpoints.newest(dir);
 *   if (newest.isPresent()) {                                  // resume: model, optimizer state, generator
 *       Checkpoint checkpoint = format.loadCheckpoint(newest.get());
 *       model = checkpoint.model();
 *       done = Checkpoints.epochsCompleted(checkpoint);
 *   } else {
 *       model = Sequential.builder()...build();
 *   }
 *   model.fit(x, y, TrainingConfig.builder().epochs(100).initialEpoch(done).batchSize(32)
 *           .listener(new StopOnNaN())
 *           .listener(CheckpointListener.of(model, dir).every(5).keep(3)).build());
 * </pre>
 * Training 100 epochs in one go and training 40, stopping (or being killed after the epoch-40 checkpoint),
 * resuming and training the other 60 give bit-identical weights and the same per-epoch losses.
 */
package org.nn4j.io.checkpoint;
