/**
 * Seeded randomness: {@link org.nn4j.core.random.NumpyRandom}, a Mersenne Twister that draws the same numbers as
 * numpy's {@code np.random.seed(n)}, so nn4j can reproduce numpy programs such as the blog's to the digit.
 */
package org.nn4j.core.random;
