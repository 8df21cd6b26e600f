package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetWithStrategy;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Negative controls for the invariants, at engine level, in races and in steady runs: each test
 * runs something that certainly breaks one invariant and asserts the engine reports it. A check
 * that went blind (always 0) turns one of these red. The broken strategies are test-only: they
 * get-or-create correctly (SELECT, then INSERT, under one JVM-wide lock, so the table itself is
 * always right) and then lie in their answer, as a buggy strategy could.
 */
class InvariantControlsIT {

    private static final Logger LOG = LoggerFactory.getLogger(InvariantControlsIT.class);
    /** Added to a FOUND row's id by the id liar: an id no row has. */
    private static final long FAKE_ID_OFFSET = 1_000_000_000_000L;
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    static Stream<Named<TargetSpec>> targets() {
        return TestTargets.specs().stream().map(s -> Named.of(TestTargets.name(s), s));
    }

    /** Answers CREATED for every call, also when it found the row. */
    private static final StrategyDef CREATED_LIAR = new StrategyDef("test-created-liar",
            "test only: correct, but always answers CREATED", t -> new Liar(t, "test-created-liar", true, false));
    /** Answers FOUND calls with an id no row has. */
    private static final StrategyDef ID_LIAR = new StrategyDef("test-id-liar",
            "test only: correct, but answers FOUND with a wrong id", t -> new Liar(t, "test-id-liar", false, true));

    private static RunResult race(TargetSpec spec, StrategyDef extra, String strategy, int threads, int rounds,
                                  Conditions c) {
        Target t = extra == null ? TestTargets.open(spec) : TargetWithStrategy.of(TestTargets.open(spec), extra);
        RunResult r = Engine.run(t, new RunConfig(strategy, new Workload.Race(threads, rounds), c, Bounds.DEFAULT),
                ProgressListener.NONE);
        log(spec, r);
        return r;
    }

    private static RunResult steady(TargetSpec spec, StrategyDef extra, String strategy, int threads, String keys,
                                    Conditions c) {
        Target t = extra == null ? TestTargets.open(spec) : TargetWithStrategy.of(TestTargets.open(spec), extra);
        RunResult r = Engine.run(t, new RunConfig(strategy, new Workload.Steady(threads, Duration.ofSeconds(2),
                Duration.ofMillis(200), KeySpec.parse(keys)), c, Bounds.DEFAULT), ProgressListener.NONE);
        log(spec, r);
        return r;
    }

    private static void log(TargetSpec spec, RunResult r) {
        LOG.info("{} {} {}: outcomes={} invariants={} race={} first={} note={}", TestTargets.name(spec),
                r.config().strategy(), r.config().workload().id(), r.outcomes(), r.invariants(), r.race(),
                r.firstAnomaly(), r.note());
    }

    /** Every caller of a round answers CREATED for the one row: threads - 1 double creates per round. */
    @ParameterizedTest(name = "{0}: race, a FOUND reported as CREATED is DOUBLE_CREATE")
    @MethodSource("targets")
    void raceSeesDoubleCreate(TargetSpec spec) {
        RunResult r = race(spec, CREATED_LIAR, CREATED_LIAR.id(), 4, 20, Conditions.DEFAULT);
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.outcomes().get(Outcome.CREATED)).isEqualTo(80);
        assertThat(r.invariants().get(Invariant.DOUBLE_CREATE)).isEqualTo(60);
        assertThat(r.invariants().get(Invariant.ID_MISMATCH)).isZero();
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /**
     * One hot key: after the first call every later one finds the row that stood since before it
     * started, yet answers CREATED (the ledger's rule: a second CREATED for the very same row).
     */
    @ParameterizedTest(name = "{0}: steady, a FOUND reported as CREATED is DOUBLE_CREATE")
    @MethodSource("targets")
    void steadySeesDoubleCreate(TargetSpec spec) {
        RunResult r = steady(spec, CREATED_LIAR, CREATED_LIAR.id(), 2, "hot", Conditions.DEFAULT);
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.totals().calls()).isGreaterThan(10);
        // every measured call answers CREATED for the row the warm-up made: each is a double create
        assertThat(r.invariants().get(Invariant.DOUBLE_CREATE)).isBetween(r.totals().calls() - 1, r.totals().calls());
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /** Every FOUND caller of a round answers the same fake id: two distinct ids, one mismatch per round. */
    @ParameterizedTest(name = "{0}: race, a wrong id is ID_MISMATCH")
    @MethodSource("targets")
    void raceSeesIdMismatch(TargetSpec spec) {
        RunResult r = race(spec, ID_LIAR, ID_LIAR.id(), 4, 20, Conditions.DEFAULT);
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.outcomes().get(Outcome.CREATED)).isEqualTo(20);
        assertThat(r.invariants().get(Invariant.ID_MISMATCH)).isEqualTo(20);
        assertThat(r.invariants().get(Invariant.DOUBLE_CREATE)).isZero();
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /** One hot key: every measured call finds the row the warm-up made and answers a fake id. */
    @ParameterizedTest(name = "{0}: steady, a wrong id is ID_MISMATCH")
    @MethodSource("targets")
    void steadySeesIdMismatch(TargetSpec spec) {
        RunResult r = steady(spec, ID_LIAR, ID_LIAR.id(), 2, "hot", Conditions.DEFAULT);
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.totals().calls()).isGreaterThan(10);
        assertThat(r.invariants().get(Invariant.ID_MISMATCH)).isEqualTo(r.outcomes().get(Outcome.FOUND));
        assertThat(r.invariants().get(Invariant.ID_MISMATCH)).isPositive();
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /**
     * The seed's own workload without the unique constraint: naive, every caller deletes its row
     * right after use (churn 1). Callers that both missed the SELECT both insert; a creator
     * counts the key's rows right after its create (before its delete) and the key ledger
     * compares the creates' times, so churn does not blind the check (audit M2): the run is
     * UNSAFE with DUPLICATE_ROWS.
     */
    @ParameterizedTest(name = "{0}: race, naive --no-unique --churn 1 is DUPLICATE_ROWS")
    @MethodSource("targets")
    void churnDoesNotBlindTheDuplicateRowCheck(TargetSpec spec) {
        RunResult r = race(spec, null, "naive", 8, 100, new Conditions(null, false, false, false, 1.0));
        String seen = r.outcomes() + " " + r.invariants() + " " + r.race();
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.invariants().get(Invariant.DUPLICATE_ROWS)).as(seen).isPositive();
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /** The same in a steady run on one hot key: every call creates and deletes, threads overlap. */
    @ParameterizedTest(name = "{0}: steady, naive --no-unique --churn 1 is DUPLICATE_ROWS")
    @MethodSource("targets")
    void churnDoesNotBlindTheDuplicateRowCheckInSteadyRuns(TargetSpec spec) {
        RunResult r = steady(spec, null, "naive", 4, "hot", new Conditions(null, false, false, false, 1.0));
        String seen = r.outcomes() + " " + r.invariants();
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.invariants().get(Invariant.DUPLICATE_ROWS)).as(seen).isPositive();
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /**
     * upsert's hook sits before its INSERT, so every call that finds the row has run it once for
     * a row it did not create: REPEATED_SIDE_EFFECT in a steady run on a hot key too (the per-call
     * rule), not only in races.
     */
    @ParameterizedTest(name = "{0}: steady, upsert --side-effect is REPEATED_SIDE_EFFECT")
    @MethodSource("targets")
    void steadySeesRepeatedSideEffect(TargetSpec spec) {
        RunResult r = steady(spec, null, "upsert", 2, "hot", new Conditions(null, false, true, true, 0.0));
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.outcomes().get(Outcome.FOUND)).isPositive();
        assertThat(r.invariants().get(Invariant.REPEATED_SIDE_EFFECT)).isEqualTo(r.outcomes().get(Outcome.FOUND));
        assertThat(r.verdict()).isEqualTo(Verdict.UNSAFE);
    }

    /** Correct get-or-create under a JVM-wide lock, with a lie in its answer. */
    private static final class Liar implements Strategy {
        private final String id;
        private final boolean alwaysCreated;
        private final boolean fakeFoundId;
        private final String select;
        private final String insert;

        Liar(Table t, String id, boolean alwaysCreated, boolean fakeFoundId) {
            this.id = id;
            this.alwaysCreated = alwaysCreated;
            this.fakeFoundId = fakeFoundId;
            this.select = "SELECT id FROM " + t.name() + " WHERE k = ?";
            this.insert = "INSERT INTO " + t.name() + " (k) VALUES (?)";
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Got getOrCreate(Connection c, long key, SideEffect sideEffect) throws SQLException {
            ONE_AT_A_TIME.lock();
            try {
                Long found = select(c, key);
                if (found != null) {
                    long answer = fakeFoundId ? found + FAKE_ID_OFFSET : found;
                    return new Got(answer, alwaysCreated, 0);
                }
                sideEffect.beforeInsert(key);
                return Got.created(insert(c, key));
            } finally {
                ONE_AT_A_TIME.unlock();
            }
        }

        private Long select(Connection c, long key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        }

        private long insert(Connection c, long key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
                ps.setLong(1, key);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }
    }
}
