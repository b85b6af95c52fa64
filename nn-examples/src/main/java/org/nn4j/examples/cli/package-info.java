/**
 * The command line's shared conventions: option groups that every training command adopts as picocli mixins
 * ({@link org.nn4j.examples.cli.TrainingOptions}, {@link org.nn4j.examples.cli.ProgressOptions},
 * {@link org.nn4j.examples.cli.PlotOptions}), the missing-file check ({@link org.nn4j.examples.cli.ExistingFile}) and
 * one-line error reporting with exit status 2 ({@link org.nn4j.examples.cli.ErrorHandlers}).
 */
package org.nn4j.examples.cli;
