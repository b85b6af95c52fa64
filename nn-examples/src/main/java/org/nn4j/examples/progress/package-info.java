/**
 * Training progress people can see: a progress bar on terminals ({@link org.nn4j.examples.progress.ProgressBarListener},
 * from the progressbar library), plain log lines elsewhere, chosen by
 * {@link org.nn4j.examples.progress.ProgressMode}. A run may start its logging on a thread of its own
 * ({@link org.nn4j.examples.progress.LoggingStart}); its loss logger then waits for it at the first epoch's end.
 */
package org.nn4j.examples.progress;
