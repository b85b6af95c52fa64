/**
 * Runnable examples behind one command line ({@link org.nn4j.examples.Main}), starting with the blog's XOR network
 * ({@link org.nn4j.examples.XorCommand}).
 */
package org.nn4j.examples;
