/**
 * Proving gradients right: {@link org.nn4j.core.gradcheck.GradientCheck} compares any layer's, activation's or
 * loss's backward pass with central finite differences, {@link org.nn4j.core.gradcheck.GradientCheckReport} holds
 * the worst relative error per gradient, and {@link org.nn4j.core.gradcheck.GradientAssertions} turns it into a
 * test assertion for plug-in authors.
 */
package org.nn4j.core.gradcheck;
