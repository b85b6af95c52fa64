/**
 * Built-in {@link org.nn4j.api.Loss} functions, each with its value and gradient formulas in its javadoc.
 */
package org.nn4j.core.losses;
