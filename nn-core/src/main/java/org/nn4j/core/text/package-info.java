/**
 * Text output helpers: {@link org.nn4j.core.text.Decimals} formats numbers as Python does.
 */
package org.nn4j.core.text;
