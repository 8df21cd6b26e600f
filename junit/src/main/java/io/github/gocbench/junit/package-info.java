/**
 * Race-test your own get-or-create code from your own JUnit 5 (or any) test suite:
 * {@link io.github.gocbench.junit.RaceAssertions#assertRaceFree}. Needs no JUnit classes itself;
 * a failed check throws {@link java.lang.AssertionError}, which every test framework reports as
 * a failure.
 */
package io.github.gocbench.junit;
