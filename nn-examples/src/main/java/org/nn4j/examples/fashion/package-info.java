/**
 * The {@code fashion-mnist} example's pieces: the data set's files and class names ({@link
 * org.nn4j.examples.fashion.FashionMnist}), the two networks ({@link org.nn4j.examples.fashion.FashionModels}) and
 * the test-set evaluation ({@link org.nn4j.examples.fashion.Evaluation}) that the command and its pictures share.
 */
package org.nn4j.examples.fashion;
