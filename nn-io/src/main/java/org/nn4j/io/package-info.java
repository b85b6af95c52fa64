/**
 * Saving and loading models as JSON. This package is filled by the model-format work (issue 3); until then the
 * module builds empty so that the reactor and its boundaries are in place.
 */
package org.nn4j.io;
