/**
 * Data to train on: {@link org.nn4j.core.data.Dataset} (inputs and targets, shuffling and splitting), seeded
 * {@link org.nn4j.core.data.TeachingSets} (XOR, circles, moons, spirals, blobs), and the strict
 * {@link org.nn4j.core.data.CsvLoader} with its {@link org.nn4j.core.data.Standardizer} and
 * {@link org.nn4j.core.data.CsvFormatException} that names file, line and column.
 */
package org.nn4j.core.data;
