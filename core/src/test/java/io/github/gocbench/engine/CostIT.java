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
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
        RunResult r = Engine.run(TestTargets.open(TargetSpec.of(family)), new RunConfig(strategy,
                new Workload.Steady(2, Duration.ofSeconds(1), warmup, KeySpec.parse(keys)),
                Conditions.of(Situation.AUTOCOMMIT), Bounds.DEFAULT), ProgressListener.NONE);
        assertThat(r.complete()).as("%s", r.note()).isTrue();
        assertThat(r.cost()).isNotNull();
        LOG.info("{} {} {}: {} calls, cost {}", family, strategy, keys, r.cost().successfulCalls(), r.cost());
        assertThat(r.cost().approximate()).as("%s", r.cost().approximateBecause()).isFalse();
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
}
