/**
 * Training progress people can see: a progress bar on terminals ({@link org.nn4j.examples.progress.ProgressBarListener},
 * from the progressbar library), plain log lines elsewhere, chosen by
 * {@link org.nn4j.examples.progress.ProgressMode}.
 */
package org.nn4j.examples.progress;
