/**
 * Runnable examples behind one command line ({@link org.nn4j.examples.Main}): the blog's XOR network
 * ({@link org.nn4j.examples.XorCommand}), a softmax classifier on interleaved spirals
 * ({@link org.nn4j.examples.SpiralsCommand}) and a classifier trained on a user's CSV file
 * ({@link org.nn4j.examples.TrainCommand}).
 */
package org.nn4j.examples;
