/**
 * Race-test your own get-or-create from your own tests: {@link io.github.gocbench.junit.Race}
 * (threads released together on a fresh key, round after round; optional table check and outer
 * transaction) and its one-line form {@link io.github.gocbench.junit.RaceAssertions#assertRaceFree}.
 * Needs only JDBC; a failed check throws {@link java.lang.AssertionError}, which every test
 * framework reports as a failure.
 */
package io.github.gocbench.junit;
