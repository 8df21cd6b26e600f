package io.github.gocbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.Situation;
import io.github.gocbench.server.Target;
import io.github.gocbench.strategy.Table;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each cost counter against a workload whose cost is known exactly (issue 17), on the embedded
 * servers: a broken probe, a wrong difference or a miscounted wire fails here. Steady runs of
 * one second; the window's start is gated, so its calls are exactly the counted ones.
 */
class CostIT {

    private static final Logger LOG = LoggerFactory.getLogger(CostIT.class);

    private static RunResult run(DbFamily family, String strategy, String keys, Duration warmup) {
        return run(TargetSpec.of(family), strategy, keys, warmup, true);
    }

    private static RunResult run(TargetSpec spec, String strategy, String keys, Duration warmup, boolean probes) {
        RunResult r = Engine.run(TestTargets.open(spec), new RunConfig(strategy,
                new Workload.Steady(2, Duration.ofSeconds(1), warmup, KeySpec.parse(keys)),
                Conditions.of(Situation.AUTOCOMMIT), Bounds.DEFAULT, probes), ProgressListener.NONE);
        assertThat(r.complete()).as("%s", r.note()).isTrue();
        assertThat(r.cost()).isNotNull();
        LOG.info("{} {} {}: {} calls, cost {}", spec.family(), strategy, keys, r.cost().successfulCalls(), r.cost());
        if (spec.url() == null) { // a URL server may be shared: its server-wide counters then say approximate
            assertThat(r.cost().approximate()).as("%s", r.cost().approximateBecause()).isFalse();
        }
        assertThat(r.cost().successfulCalls()).isEqualTo(r.outcomes().get(Outcome.CREATED)
                + r.outcomes().get(Outcome.FOUND)).isPositive();
        return r;
    }

    private static double total(RunResult r, String name) {
        CallCost.Figure f = r.cost().figure(name);
        assertThat(f).as(name).isNotNull();
        assertThat(f.unavailable()).as(name).isNull();
        return f.total();
    }

    private static long created(RunResult r) {
        return r.outcomes().get(Outcome.CREATED);
    }

    private static long found(RunResult r) {
        return r.outcomes().get(Outcome.FOUND);
    }

    @Test
    void postgresNewKeysCostOneIdOneTupleOneXidOneStatementEach() {
        RunResult r = run(DbFamily.POSTGRES, "upsert", "new", Duration.ZERO);
        long n = created(r);
        assertThat(found(r)).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isEqualTo(n);
        assertThat(total(r, "ids_burned")).isZero();
        assertThat(total(r, "tuples_inserted")).isEqualTo(n);
        assertThat(total(r, "tuples_updated")).isZero();
        assertThat(total(r, "dead_tuples_made")).isZero();
        assertThat(total(r, "xids")).isEqualTo(n);
        assertThat(total(r, "statements")).isEqualTo(n);
        assertThat(total(r, "round_trips")).isEqualTo(n);
        assertThat(total(r, "wal_bytes")).isPositive();
        assertThat(total(r, "table_bytes")).isPositive();
        assertThat(r.cost().retriesHistogram()).containsExactly(java.util.Map.entry("0", n));
    }

    @Test
    void postgresDoUpdateHitsLeaveOneDeadTupleEach() {
        RunResult r = run(DbFamily.POSTGRES, "upsert-do-update", "hot", Duration.ofMillis(300));
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "tuples_updated")).isEqualTo(n);
        assertThat(total(r, "dead_tuples_made")).isEqualTo(n);
        assertThat(total(r, "ids_consumed")).as("the identity default is evaluated before the conflict").isEqualTo(n);
        assertThat(total(r, "ids_burned")).isEqualTo(n);
        assertThat(total(r, "xids")).isEqualTo(n);
        assertThat(total(r, "statements")).isEqualTo(n);
        // n_dead_tup as the server reports it: on-access pruning of the one hot page lowers it as it
        // goes (measured: about 0, even below), so it is never above the versions made
        assertThat(total(r, "dead_tuples")).isLessThanOrEqualTo(n);
    }

    @Test
    void postgresDoNothingHitsWriteNoTupleButBurnAnId() {
        RunResult r = run(DbFamily.POSTGRES, "upsert", "hot", Duration.ofMillis(300));
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "tuples_inserted")).isZero();
        assertThat(total(r, "tuples_updated")).isZero();
        assertThat(total(r, "dead_tuples_made")).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "statements")).as("INSERT ... DO NOTHING, then SELECT").isEqualTo(2 * n);
        assertThat(total(r, "round_trips")).isEqualTo(2 * n);
    }

    @Test
    void postgresInsertFirstHitsLeaveADeadTupleAndAnXidEach() {
        RunResult r = run(DbFamily.POSTGRES, "insert-first", "hot", Duration.ofMillis(300));
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "tuples_inserted")).as("attempted inserts count").isEqualTo(n);
        assertThat(total(r, "dead_tuples_made")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "xids")).isEqualTo(n);
    }

    @Test
    void mariadbInsertIgnoreHitsConsumeAnAutoIncrementEach() {
        RunResult r = run(DbFamily.MARIADB, "insert-ignore", "hot", Duration.ofMillis(300));
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isZero();
        assertThat(total(r, "ids_burned")).isEqualTo(n);
        // MariaDB has no Innodb_rows_inserted: Handler_write counts every attempted write, ignored ones too
        assertThat(total(r, "server_rows_inserted")).isEqualTo(n);
        assertThat(total(r, "statements")).as("INSERT IGNORE, then SELECT").isEqualTo(2 * n);
        assertThat(total(r, "round_trips")).isEqualTo(2 * n);
    }

    @Test
    void mariadbUpsertHitsConsumeAnAutoIncrementEach() {
        RunResult r = run(DbFamily.MARIADB, "upsert", "hot", Duration.ofMillis(300));
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isZero();
        assertThat(total(r, "server_rows_inserted")).as("Handler_write: the attempted write").isEqualTo(n);
        assertThat(total(r, "statements")).isEqualTo(n);
    }

    @Test
    void mariadbNewKeysCostOneIdOneRowEach() {
        RunResult r = run(DbFamily.MARIADB, "insert-first", "new", Duration.ZERO);
        long n = created(r);
        assertThat(found(r)).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isEqualTo(n);
        assertThat(total(r, "ids_burned")).isZero();
        assertThat(total(r, "server_rows_inserted")).isEqualTo(n);
        assertThat(total(r, "server_rows_updated")).isZero();
        assertThat(total(r, "redo_bytes")).isPositive();
        assertThat(total(r, "deadlocks")).isZero();
    }

    @Test
    void postgresRaceEveryCallerAttemptsAnInsertOneRowPerRound() {
        RunResult r = Engine.run(TestTargets.open(TargetSpec.of(DbFamily.POSTGRES)), new RunConfig("upsert",
                new Workload.Race(4, 20), Conditions.of(Situation.AUTOCOMMIT), Bounds.DEFAULT), ProgressListener.NONE);
        assertThat(r.complete()).as("%s", r.note()).isTrue();
        assertThat(r.cost().window()).isEqualTo("run");
        assertThat(r.cost().successfulCalls()).isEqualTo(80);
        assertThat(created(r)).isEqualTo(20);
        // 4 callers per round each run the INSERT: 4 ids per round, 1 row
        assertThat(total(r, "ids_consumed")).isEqualTo(80);
        assertThat(total(r, "rows_added")).isEqualTo(20);
        assertThat(total(r, "ids_burned")).isEqualTo(60);
        assertThat(total(r, "tuples_inserted")).as("ON CONFLICT DO NOTHING inserts no tuple for a loser that"
                + " saw the conflict").isBetween(20.0, 80.0);
    }

    /** A connection that counts the statements created on it (plain, prepared, callable), then passes them on. */
    private static Connection counting(Connection real, AtomicInteger statements) {
        Set<String> creating = Set.of("createStatement", "prepareStatement", "prepareCall");
        return (Connection) Proxy.newProxyInstance(CostIT.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (creating.contains(method.getName())) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest
    @EnumSource(value = DbFamily.class, names = {"POSTGRES", "MARIADB"})
    void probesOffIssueNoStatementOnTheProbesConnection(DbFamily family) throws Exception {
        Target target = TestTargets.open(TargetSpec.of(family));
        RunConfig off = new RunConfig("upsert", new Workload.Steady(2, Duration.ofSeconds(1), Duration.ZERO,
                KeySpec.parse("new")), Conditions.of(Situation.AUTOCOMMIT), Bounds.DEFAULT, false);
        try (Connection real = target.connect()) {
            AtomicInteger statements = new AtomicInteger();
            Connection probes = counting(real, statements);
            CostWindow window = CostProbing.window(target, probes, Table.UNIQUE, off);
            assertThat(window.sessionSql()).as("nothing for the workers to run at the window's edges").isNull();
            window.open();
            CallCost cost = window.close(List.of());
            assertThat(statements).as("statements on the probe's connection, probes off").hasValue(0);
            assertThat(cost.approximate()).isFalse();
            assertThat(cost.figures()).filteredOn(f -> !List.of("statements", "round_trips", "retries")
                    .contains(f.name())).isNotEmpty().allSatisfy(f -> {
                        assertThat(f.total()).as(f.name()).isNull();
                        assertThat(f.perCall()).as(f.name()).isNull();
                        assertThat(f.unavailable()).as(f.name()).isEqualTo("disabled by --no-cost");
                    });
            // the counter can see the probe: on, the same window reads the server on this connection
            CostWindow on = CostProbing.window(target, probes, Table.UNIQUE, off.withServerProbes(true));
            assertThat(on.sessionSql()).isNotNull();
            on.open();
            on.close(List.of());
            assertThat(statements.get()).as("statements on the probe's connection, probes on").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbFamily.class, names = {"POSTGRES", "MARIADB"})
    void probesOffRecordServerFiguresUnavailableAndStillCountTheWire(DbFamily family) {
        // after a warm-up: a connection's first calls may carry the driver's own statements (MariaDB: 1 each)
        RunResult r = run(TargetSpec.of(family), "upsert", "new", Duration.ofMillis(300), false);
        long n = created(r);
        assertThat(total(r, "statements")).isEqualTo(n);
        assertThat(total(r, "round_trips")).isEqualTo(n);
        for (String name : List.of(family == DbFamily.POSTGRES ? "wal_bytes" : "redo_bytes", "ids_consumed",
                "ids_burned")) {
            CallCost.Figure f = r.cost().figure(name);
            assertThat(f).as(name).isNotNull();
            assertThat(f.total()).as(name + " is not 0: unavailable").isNull();
            assertThat(f.unavailable()).as(name).isEqualTo("disabled by --no-cost");
        }
    }

    /**
     * The MariaDB URL server ({@code GOC_MARIADB_URL}, e.g. MariaDB 10.11) read by the same probe:
     * every counter the embedded 11.4 gives, with the same exact costs (10.11 has
     * Innodb_lsn_current too, and no Innodb_rows_inserted: Handler_write stands in).
     */
    @Test
    void mariadbUrlServerInsertIgnoreHitsConsumeAnAutoIncrementEach() {
        String url = System.getenv("GOC_MARIADB_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(),
                "GOC_MARIADB_URL is not set: no URL server to test against");
        RunResult r = run(TargetSpec.ofUrl(DbFamily.MARIADB, url.trim()), "insert-ignore", "hot",
                Duration.ofMillis(300), true);
        long n = found(r);
        assertThat(created(r)).isZero();
        assertThat(total(r, "ids_consumed")).isEqualTo(n);
        assertThat(total(r, "rows_added")).isZero();
        assertThat(total(r, "ids_burned")).isEqualTo(n);
        assertThat(total(r, "statements")).isEqualTo(2 * n);
        assertThat(total(r, "redo_bytes")).isNotNegative();
        if (!r.cost().approximate()) { // server-wide: exact only when no other session was active
            assertThat(total(r, "server_rows_inserted")).isEqualTo(n);
        } else {
            assertThat(total(r, "server_rows_inserted")).isGreaterThanOrEqualTo(n);
        }
    }
}
