package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two goc runs against one server share the table name ({@link Table#UNIQUE}); each run claims
 * its table on the server first, so a second run waits instead of dropping the first one's
 * table, and gives up at its deadline naming the holder. The "other run" here is a session that
 * holds the claim the way a run does, with a marker row in the table that a reset would erase.
 */
class TableClaimIT {

    private static final Table TABLE = Table.UNIQUE;
    private static final long MARKER_KEY = -42;

    /** Each server under its short name ({@code postgres/embedded}), so a red case says where it ran. */
    static Stream<org.junit.jupiter.api.Named<TargetSpec>> targets() {
        return TestTargets.specs().stream().map(s -> org.junit.jupiter.api.Named.of(TestTargets.name(s), s));
    }

    private static RunConfig naiveRace(Duration deadline) {
        return new RunConfig("naive", new Workload.Race(2, 5), Conditions.DEFAULT,
                new Bounds(deadline, Bounds.DEFAULT.statementTimeout(), Bounds.DEFAULT.lockTimeout(),
                        Bounds.DEFAULT.callTimeout()));
    }

    /** The other run: claims the table, resets it and leaves a marker row in it. */
    private static Connection holdTable(Target target) throws SQLException {
        Dialect dialect = target.dialect();
        Connection holder = target.connect();
        holder.setAutoCommit(true);
        assertThat(dialect.tryClaimTable(holder, TABLE)).as("claim an unclaimed table").isTrue();
        assertThat(dialect.tryClaimTable(holder, TABLE)).as("a session re-claims its own claim").isTrue();
        dialect.resetSchema(holder, TABLE);
        try (PreparedStatement ps = holder.prepareStatement("INSERT INTO " + TABLE.name() + " (k) VALUES (?)")) {
            ps.setLong(1, MARKER_KEY);
            ps.executeUpdate();
        }
        return holder;
    }

    private static boolean markerPresent(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + TABLE.name() + " WHERE k = ?")) {
            ps.setLong(1, MARKER_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static String sessionId(Target target, Connection c) throws SQLException {
        String sql = target.dialect().id().equals("postgres") ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aClaimIsExclusiveAndEndsWithItsSession(TargetSpec spec) throws Exception {
        Target target = TestTargets.open(spec);
        Dialect dialect = target.dialect();
        try (Connection other = target.connect()) {
            String holderId;
            try (Connection holder = target.connect()) {
                assertThat(dialect.tryClaimTable(holder, TABLE)).isTrue();
                holderId = sessionId(target, holder);
                assertThat(dialect.tryClaimTable(other, TABLE)).as("a second session").isFalse();
                assertThat(dialect.tableClaimHolder(other, TABLE)).endsWith(" " + holderId);
                assertThat(dialect.tryClaimTable(other, Table.NO_UNIQUE)).as("another table").isTrue();
            }
            // The server drops the claim with the session; closing may take a moment to reach it.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean claimed = false;
            while (!claimed && System.nanoTime() < until) {
                claimed = dialect.tryClaimTable(other, TABLE);
                if (!claimed) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            }
            assertThat(claimed).as("claim after the holder's session ended").isTrue();
            assertThat(dialect.tableClaimHolder(other, TABLE)).endsWith(" " + sessionId(target, other));
            assertThat(dialect.sessionId(other)).as("Dialect.sessionId, read with the server's own function")
                    .isEqualTo(Long.parseLong(sessionId(target, other)))
                    .isNotEqualTo(Long.parseLong(holderId));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aRunGivesItsClaimBackBeforeItReturns(TargetSpec spec) throws Exception {
        Target target = TestTargets.open(spec);
        Dialect dialect = target.dialect();
        try (Connection next = target.connect()) {
            for (int i = 0; i < 5; i++) {
                RunResult r = Engine.run(target, naiveRace(Duration.ofMinutes(1)), null);
                assertThat(r.complete()).as(r.note()).isTrue();
                // the next run of a sweep claims at once: no wait for the server to notice the closed session
                assertThat(dialect.tryClaimTable(next, TABLE)).as("claim right after run %d returned", i + 1).isTrue();
                dialect.releaseTableClaim(next, TABLE);
                assertThat(dialect.tableClaimHolder(next, TABLE)).as("released").isEqualTo("nobody");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aRunWaitsForTheTableAndGoesAheadWhenItIsFree(TargetSpec spec) throws Exception {
        Target target = TestTargets.open(spec);
        Connection holder = holdTable(target);
        CompletableFuture<RunResult> run;
        try {
            run = CompletableFuture.supplyAsync(() -> Engine.run(target, naiveRace(Duration.ofMinutes(2)), null));
            TimeUnit.MILLISECONDS.sleep(3000);
            assertThat(run).as("the run waits while the table is claimed").isNotDone();
            assertThat(markerPresent(holder)).as("the waiting run has not reset the other run's table").isTrue();
        } finally {
            holder.close();
        }
        RunResult r = run.get(90, TimeUnit.SECONDS);
        assertThat(r.complete()).as(r.note()).isTrue();
        assertThat(r.totals().calls()).isEqualTo(2 * 5);
        // 5 rounds take milliseconds; had the 3 s wait counted, the run would say 3 s or more.
        assertThat(r.totals().seconds()).as("the wait is not part of the run's time").isLessThan(2.5);
        try (Connection c = target.connect()) {
            assertThat(markerPresent(c)).as("the run reset the table once it had it").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aRunGivesUpAtItsDeadlineNamingTheHolder(TargetSpec spec) throws Exception {
        Target target = TestTargets.open(spec);
        try (Connection holder = holdTable(target)) {
            long start = System.nanoTime();
            RunResult r = Engine.run(target, naiveRace(Duration.ofSeconds(2)), null);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(r.complete()).isFalse();
            assertThat(r.note()).contains("table goc_item is still in use by another goc run")
                    .endsWith(" " + sessionId(target, holder) + ") at the deadline; let that run finish,"
                            + " or point this one at another database");
            assertThat(r.totals().calls()).isZero();
            assertThat(tookMs).as("ends at its 2 s deadline, not later").isLessThan(30_000);
            assertThat(markerPresent(holder)).as("the other run's table is untouched").isTrue();
        }
    }
}
