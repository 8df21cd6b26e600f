/**
 * Statements and round trips counted on the JDBC driver's own socket (issue 17's cost figures):
 * {@link io.github.gocbench.wire.Wire} hands the drivers a socket factory that counts for the
 * connections a worker opens inside {@link io.github.gocbench.wire.Wire#counting}. It sits below
 * {@code server}, which installs the factory on the connections it opens, and knows nothing of
 * results: the engine turns the counts into a run's cost.
 */
package io.github.gocbench.wire;
