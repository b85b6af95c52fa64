/**
 * JMH benchmarks of nn4j's hot paths and the harness that {@code nn-benchmarks/compare.sh} runs side by side with
 * numpy: {@link org.nn4j.benchmarks.Workloads} defines the work once for both.
 */
package org.nn4j.benchmarks;
