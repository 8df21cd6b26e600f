package io.github.gocbench.junit;

import java.util.Optional;

/**
 * What {@link Race#measure()} saw: how many rounds ran and in how many the get-or-create broke,
 * with the message of the first broken round. Made for measuring how often a race shows (the
 * detection rate that decides how many rounds a test needs); a test asserts with
 * {@link Race#assertRaceFree()} instead.
 *
 * @param rounds        rounds run
 * @param failedRounds  rounds where a caller threw, answers disagreed or the table did not hold one row
 * @param firstFailure  the failure message of the first such round
 */
public record RaceResult(int rounds, int failedRounds, Optional<String> firstFailure) {

    /** Failed rounds per round run. */
    public double failureRate() {
        return rounds == 0 ? 0 : (double) failedRounds / rounds;
    }
}
