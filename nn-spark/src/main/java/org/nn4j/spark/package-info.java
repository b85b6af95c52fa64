/**
 * nn4j on Apache Spark: score a {@code DataFrame} with a saved model ({@link org.nn4j.spark.SparkPredictor}) and
 * train a model data-parallel over a cluster ({@link org.nn4j.spark.DataParallelTrainer}), with the same numbers as
 * {@code Sequential.fit} on one machine.
 *
 * <p>Spark is a {@code provided} dependency: {@code spark-submit} supplies it, and nothing in nn4j's other modules
 * depends on this one. The model travels to the executors as its JSON document (nn-io), read once per executor
 * and reused; the weights travel as one array per step. {@code docs/spark.md} explains the cost model and the
 * guarantees.
 */
package org.nn4j.spark;
