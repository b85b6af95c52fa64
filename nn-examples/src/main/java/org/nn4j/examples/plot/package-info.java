/**
 * Pictures instead of numbers, drawn with XChart: the loss curve ({@link org.nn4j.examples.plot.LossPlot}) and a
 * two-input model's decision boundary ({@link org.nn4j.examples.plot.DecisionBoundaryPlot}), written as PNG files.
 */
package org.nn4j.examples.plot;
