package io.github.gocbench.junit;

import java.time.Duration;
import java.util.function.LongFunction;
import javax.sql.DataSource;

/**
 * The one-line form of {@link Race}: races a get-or-create for a number of rounds of threads
 * released together on a fresh key, and fails with an {@link AssertionError} at the first round
 * where a caller throws, returns null or hangs, or callers answer different ids.
 *
 * <pre>{@code
 * RaceAssertions.assertRaceFree(dataSource, dao::getOrCreate, 8, 100);
 * }</pre>
 *
 * <p>For the table check (exactly one row per key) and calls inside an outer transaction, use
 * {@link Race} directly. How many rounds: a race that shows up in a fraction {@code p} of rounds
 * is missed by {@code n} rounds with probability {@code (1 - p)^n}; the README lists measured
 * rates.
 */
public final class RaceAssertions {

    /** Default bound on one round (all threads' calls). */
    public static final Duration DEFAULT_ROUND_TIMEOUT = Race.DEFAULT_ROUND_TIMEOUT;

    private RaceAssertions() {
    }

    /**
     * Races {@code getOrCreate} on connections from {@code dataSource}: {@code rounds} rounds of
     * {@code threads} threads on a fresh string key each.
     *
     * @throws AssertionError at the first round where callers disagree on the id, any caller
     *                        throws or returns null, or the round exceeds 30 s
     */
    public static <R> void assertRaceFree(DataSource dataSource, ConnectionCall<String, R> getOrCreate, int threads,
                                          int rounds) {
        Race.of(dataSource, getOrCreate).threads(threads).rounds(rounds).assertRaceFree();
    }

    /**
     * Races {@code getOrCreate}, which manages its own connections: {@code rounds} rounds of
     * {@code threads} threads on a fresh string key each.
     *
     * @throws AssertionError as {@link #assertRaceFree(DataSource, ConnectionCall, int, int)}
     */
    public static <R> void assertRaceFree(KeyCall<String, R> getOrCreate, int threads, int rounds) {
        Race.of(getOrCreate).threads(threads).rounds(rounds).assertRaceFree();
    }

    /**
     * The full form with connections: {@code keys} maps the round (1-based) to a key that must
     * not exist yet; {@code roundTimeout} bounds each round.
     */
    public static <K, R> void assertRaceFree(DataSource dataSource, ConnectionCall<K, R> getOrCreate,
                                             LongFunction<K> keys, int threads, int rounds, Duration roundTimeout) {
        Race.of(dataSource, getOrCreate, keys).threads(threads).rounds(rounds).roundTimeout(roundTimeout)
                .assertRaceFree();
    }

    /** The full form without connections; see {@link #assertRaceFree(DataSource, ConnectionCall, LongFunction, int, int, Duration)}. */
    public static <K, R> void assertRaceFree(KeyCall<K, R> getOrCreate, LongFunction<K> keys, int threads, int rounds,
                                             Duration roundTimeout) {
        Race.of(getOrCreate, keys).threads(threads).rounds(rounds).roundTimeout(roundTimeout).assertRaceFree();
    }
}
