package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.engine.Bounds;
import io.github.gocbench.engine.Engine;
import io.github.gocbench.engine.RunConfig;
import io.github.gocbench.engine.Workload;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.strategy.StrategyDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every catalogued strategy to its declaration ({@link StrategyDef#expect()}) under a real
 * race run by the engine ({@link Engine#run}, the same race as {@code goc race}): {@value #THREADS}
 * callers, each with its own connection, released by a barrier on a fresh key per round, in each
 * {@link Situation} ({@link Conditions#of}), on every server. In the outer-transaction situations
 * each caller opens its transaction and reads the key before the release, so its snapshot predates
 * every insert of the round. Where a strategy is declared safe, no round may show an anomaly; where
 * it declares known failures, the race must actually find one of them and nothing outside the
 * declaration. In every case a round may have at most one CREATED and one id (the unique
 * constraint is in place).
 *
 * <p>Round counts. Measured here (2 cores shared with other builds; embedded PostgreSQL 17 and
 * MariaDB 11.4, PostgreSQL 15 and MariaDB 10.11 services; 8 threads; 40 rounds per strategy and
 * situation, never stopping early): every known failure showed up in at least 18 of 40 rounds
 * (lowest: advisory-lock in an outer READ COMMITTED transaction on MariaDB, 18/40 and 19/40);
 * most showed up in every round. Races whose window lies inside one autocommit statement
 * (upsert-cte, merge) ranged from 0/100 on a briefly idle embedded PostgreSQL to 200/200 on the
 * service, so they declare those failures possible there, not known. So
 * {@value #KNOWN_MAX_ROUNDS} rounds, stopping after the first run of {@value #KNOWN_BATCH} rounds with a hit, miss a known failure with
 * probability 0.55^100 ≈ 1e-26 at the measured rate, and still under 3e-5 at a pessimistic 10% per
 * round; they usually cost one run. Safe situations run {@value #SAFE_ROUNDS} rounds: in the
 * measurement at least 22 of 40 rounds really collided (more than one caller reached its INSERT;
 * most strategies collided in every round), so the conflict path runs in most of them, and a
 * strategy that broke its claim as often as the weakest known failure shows would slip through
 * 15 rounds with probability 0.55^15 ≈ 1.3e-4. Any forbidden outcome fails at once. Embedded
 * MariaDB is the slow server here (50-200 ms a round against 5-15 ms for the others: about 90% of
 * this class's time), which is what bounds the safe round count; the stress suites run more.
 */
class StrategyRaceIT {

    static final int THREADS = 8;
    static final int SAFE_ROUNDS = 15;
    static final int KNOWN_MAX_ROUNDS = 100;
    /** Rounds per engine run while looking for a known failure (one run usually finds it). */
    static final int KNOWN_BATCH = 10;
    /** Roomier than the CLI's defaults: the machine is shared, and a lock wait here is part of the race. */
    private static final Bounds BOUNDS = new Bounds(Duration.ofMinutes(5), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(30));
    private static final Logger LOG = LoggerFactory.getLogger(StrategyRaceIT.class);

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DbUnderTest db : DbUnderTest.all()) {
            for (StrategyDef def : db.dialect().strategies()) {
                for (Situation situation : Situation.values()) {
                    cases.add(Arguments.of(db, def.id(), situation));
                }
            }
        }
        return cases.stream();
    }

    /** What the engine runs of one case saw, summed. */
    private static final class Tally {
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        final Map<Invariant, Long> invariants = new EnumMap<>(Invariant.class);
        int rounds;
        long retries;
        RunResult.FirstAnomaly firstAnomaly;

        void add(RunResult r) {
            assertThat(r.complete()).as("the engine run was cut short: %s", r.note()).isTrue();
            r.outcomes().forEach((o, n) -> outcomes.merge(o, n, Long::sum));
            r.invariants().forEach((i, n) -> invariants.merge(i, n, Long::sum));
            rounds += r.race().rounds();
            retries += r.retries();
            if (firstAnomaly == null) {
                firstAnomaly = r.firstAnomaly();
            }
        }

        long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }

        long count(Invariant i) {
            return invariants.getOrDefault(i, 0L);
        }

        @Override
        public String toString() {
            Map<Outcome, Long> seen = new EnumMap<>(Outcome.class);
            outcomes.forEach((o, n) -> {
                if (n > 0) {
                    seen.put(o, n);
                }
            });
            return rounds + " rounds, outcomes " + seen + ", double creates " + count(Invariant.DOUBLE_CREATE)
                    + ", id mismatches " + count(Invariant.ID_MISMATCH) + ", retries " + retries
                    + (firstAnomaly == null ? "" : ", first anomaly: " + firstAnomaly);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void raceMatchesTheDeclaration(DbUnderTest db, String id, Situation situation) {
        Expect.Declared declared = db.dialect().strategy(id).orElseThrow().expect().in(situation).orElseThrow(
                () -> new AssertionError(id + " declares nothing for " + situation));
        Tally tally = new Tally();
        if (declared.known().isEmpty()) {
            // safe, or only possible (timing-dependent) anomalies: a fixed number of rounds
            tally.add(race(db, id, situation, SAFE_ROUNDS));
        } else {
            while (tally.rounds < KNOWN_MAX_ROUNDS && declared.known().stream().noneMatch(o -> tally.count(o) > 0)) {
                tally.add(race(db, id, situation, KNOWN_BATCH));
            }
        }
        LOG.info("{} {} {}: {}", db, id, situation, tally);
        for (Outcome o : Outcome.values()) {
            if (tally.count(o) > 0) {
                assertThat(declared.allows(o)).as("%s is not declared for %s in %s: %s", o, id, situation, tally)
                        .isTrue();
            }
        }
        if (!declared.known().isEmpty()) {
            assertThat(declared.known()).as("a declared failure was found: %s", tally)
                    .anyMatch(o -> tally.count(o) > 0);
        }
        assertThat(tally.count(Invariant.DOUBLE_CREATE)).as("double creates: %s", tally).isZero();
        assertThat(tally.count(Invariant.ID_MISMATCH)).as("id mismatches: %s", tally).isZero();
        if (declared.safe()) {
            assertThat(tally.count(Outcome.CREATED)).as("one CREATED per round: %s", tally).isEqualTo(tally.rounds);
        }
        if (id.equals("serializable-retry") && situation == Situation.AUTOCOMMIT) {
            // its safety comes from retrying: callers that collided (measured: 32-40 of 40 rounds) retried
            assertThat(tally.retries).as("retries reported in Got.retries: %s", tally).isPositive();
        }
    }

    /** One engine race of {@code rounds} rounds in {@code situation} ({@link Conditions#of}). */
    private static RunResult race(DbUnderTest db, String id, Situation situation, int rounds) {
        return Engine.run(db.target(), new RunConfig(id, new Workload.Race(THREADS, rounds),
                Conditions.of(situation), BOUNDS), null);
    }
}
