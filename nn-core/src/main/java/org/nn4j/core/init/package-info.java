/**
 * Starting values for parameters: {@link org.nn4j.core.init.Initializer} and its implementations, each drawing
 * from a generator it is handed.
 */
package org.nn4j.core.init;
