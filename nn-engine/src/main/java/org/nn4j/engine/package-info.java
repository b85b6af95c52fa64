/**
 * The engine below {@code org.nn4j.api.Matrix}: the arithmetic of matrix products and exponentials, on row-major
 * {@code double[]} arrays, behind one small interface, {@link org.nn4j.engine.Engine}.
 *
 * <p>{@link org.nn4j.engine.Engine#reference()} is the definition, three nested loops per product that a student
 * can check by hand. {@link org.nn4j.engine.Engine#chosen()} is what programs run: cache-blocked, register-tiled
 * kernels (plain Java that the JIT vectorises, or the Vector API's {@code DoubleVector} when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}), large products shared by threads, tiny ones in the reference's
 * order; the tests hold every one of them to the reference. Choose with
 * {@code -Dnn4j.kernel=auto|vector|scalar|reference} and {@code -Dnn4j.threads=N}.
 *
 * <p>This module depends on nothing; only {@code Engine} is public, the kernels are package-private.
 */
package org.nn4j.engine;
