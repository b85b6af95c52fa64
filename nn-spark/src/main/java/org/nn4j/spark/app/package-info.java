/**
 * The {@code spark-submit} application: {@code nn-spark/target/nn-spark-app.jar} holds nn4j and its dependencies
 * (not Spark, which {@code spark-submit} provides) with {@link org.nn4j.spark.app.SparkApp} as its main class, whose
 * {@code score} command scores a CSV or Parquet file and whose {@code train} command trains a saved model on one.
 */
package org.nn4j.spark.app;
