/**
 * Runnable examples behind one command line ({@link org.nn4j.examples.Main}): the blog's XOR network
 * ({@link org.nn4j.examples.XorCommand}), a softmax classifier on interleaved spirals
 * ({@link org.nn4j.examples.SpiralsCommand}) and a classifier trained on a user's CSV file
 * ({@link org.nn4j.examples.TrainCommand}).
 *
 * <p>Start-up matters for a program as short as the blog's: plain {@code xor} runs are parsed without picocli
 * ({@code QuickXor}), Logback is configured without its configuration search
 * ({@link org.nn4j.examples.LoggingProvider}, {@link org.nn4j.examples.ExamplesLogging}) and prints through a small
 * appender of the examples' own ({@code MessageLines}), and {@code xor} sets its logging up on a second thread
 * while it builds the network and starts training ({@link org.nn4j.examples.progress.LoggingStart}).
 */
package org.nn4j.examples;
