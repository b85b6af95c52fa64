/**
 * Data to train on: {@link org.nn4j.core.data.Dataset} (inputs and targets, shuffling and splitting), seeded
 * {@link org.nn4j.core.data.TeachingSets} (XOR, circles, moons, spirals, blobs), and the strict
 * {@link org.nn4j.core.data.CsvLoader} with its {@link org.nn4j.core.data.Standardizer} and
 * {@link org.nn4j.core.data.CsvFormatException} that names file, line and column; images from IDX files
 * ({@link org.nn4j.core.data.IdxFile}, the MNIST family's format, and {@link org.nn4j.core.data.LabelledImages}, which
 * keeps the pixels as bytes until a batch needs them), and {@link org.nn4j.core.data.Samples}, the rows a trainer
 * draws its batches from.
 */
package org.nn4j.core.data;
