/**
 * The {@code fashion-mnist} example's pieces: the data set's files and class names ({@link
 * org.nn4j.examples.fashion.FashionMnist}), the two networks ({@link org.nn4j.examples.fashion.FashionModels}) and
 * the test-set evaluation ({@link org.nn4j.examples.fashion.Evaluation}) that the command and its pictures share, and
 * the pictures {@code --plot} draws with Java 2D ({@link org.nn4j.examples.fashion.FashionPictures}: the confusion
 * matrix, the test images with the model's guesses, the first convolution's filters).
 */
package org.nn4j.examples.fashion;
