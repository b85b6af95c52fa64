/**
 * Pictures of training for library users, drawn with XChart: the loss curve of a
 * {@link org.nn4j.core.model.TrainingHistory} ({@link org.nn4j.plots.LossPlot}) and the decision boundary of a
 * two-input model over its data ({@link org.nn4j.plots.DecisionBoundaryPlot}), as XChart charts, pictures
 * ({@link java.awt.image.BufferedImage}) for a notebook, PNG bytes or PNG files. {@code nn4j xor|spirals|train --plot}
 * draws the same pictures ({@link org.nn4j.plots.TrainingPictures}).
 *
 * <p>An optional module: depend on {@code org.nn4j:nn-plots} only to draw. It needs AWT; on a machine without a
 * display, run with {@code -Djava.awt.headless=true}.
 */
package org.nn4j.plots;
