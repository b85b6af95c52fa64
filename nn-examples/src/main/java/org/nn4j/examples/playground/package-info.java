/**
 * The playground: a small local web server ({@link org.nn4j.examples.playground.PlaygroundServer}, on the JDK's own
 * {@code com.sun.net.httpserver}) whose one page shows nn4j training live. Every browser tab gets a
 * {@link org.nn4j.examples.playground.Session} with its own model and training thread; the page changes it with
 * plain POST requests and watches it through server-sent events ({@link org.nn4j.examples.playground.Frames}).
 * {@link org.nn4j.examples.playground.Settings} parses and caps what the page (or a URL) asks for, and
 * {@link org.nn4j.examples.playground.RequestGuard} refuses requests from other sites.
 */
package org.nn4j.examples.playground;
