/**
 * File output: {@link org.nn4j.core.files.AtomicWrite} is the one way nn4j writes a file (models, checkpoints,
 * predictions, pictures), so that a crash, a full disk or a second writer never leaves a half-written file.
 */
package org.nn4j.core.files;
