package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "which strategy?" answer (issue 14 item 4): SAFE ranked by goodput, UNSAFE below with what broke. */
class RecommendationTest {

    private static final TargetInfo PG = new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED,
            "jdbc:postgresql://x", Map.of("default_transaction_isolation", "read committed"));

    private static RunResult run(String strategy, WorkloadKind workload, boolean outerTx, String keys, int threads,
                                 long ok, long dup, long deadlocks, Integer rounds, int roundsHit) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.FOUND, ok);
        outcomes.put(Outcome.DUPLICATE_KEY, dup);
        outcomes.put(Outcome.DEADLOCK, deadlocks);
        long calls = ok + dup + deadlocks;
        return new RunResult("goc-bench", "dev", Instant.EPOCH, new RunResult.HostInfo(2, "17", "Linux"), PG,
                new RunResult.ConfigInfo(strategy, workload, threads, rounds, rounds == null ? 2.0 : null,
                        rounds == null ? 0.5 : null, keys, new Conditions(null, outerTx, true, false, 0)),
                new RunResult.Totals(calls, 2.0, calls / 2.0), outcomes, Map.of(), null, 0,
                rounds == null ? null : new RunResult.RaceFigures(rounds, roundsHit, roundsHit / (double) rounds),
                dup + deadlocks > 0 ? Verdict.UNSAFE : Verdict.SAFE, null, true, null);
    }

    private static RunResult race(String strategy, boolean outerTx, long dup, int roundsHit) {
        return run(strategy, WorkloadKind.RACE, outerTx, null, 8, 1600 - dup, dup, 0, 200, roundsHit);
    }

    private static RunResult steady(String strategy, String keys, long ok, long deadlocks) {
        return run(strategy, WorkloadKind.STEADY, false, keys, 8, ok, 0, deadlocks, null, 0);
    }

    @Test
    void safeStrategiesAreRankedByGoodputNotByAttempts() {
        List<RunResult> runs = List.of(
                race("naive", false, 40, 30), race("upsert", false, 0, 0), race("select-for-update", false, 0, 0),
                race("transactional", false, 0, 0),
                steady("naive", "hotset:1000", 90_000, 0),
                steady("upsert", "hotset:1000", 20_000, 0), steady("upsert", "new", 8_000, 0),
                // most attempts, but nearly all failed: ranks last on goodput
                steady("select-for-update", "hotset:1000", 2_000, 60_000),
                steady("transactional", "hotset:1000", 30_000, 0), steady("transactional", "new", 4_000, 0));
        List<Recommendation> recs = Recommendation.of(runs);

        assertThat(recs).hasSize(1);
        Recommendation auto = recs.get(0);
        assertThat(auto.situation()).isEqualTo("autocommit");
        assertThat(auto.safe()).extracting(Recommendation.Ranked::strategy)
                .containsExactly("transactional", "upsert", "select-for-update");
        assertThat(auto.safe().get(0).goodput()).containsEntry("hotset:1000", 15_000.0).containsEntry("new", 2_000.0);
        assertThat(auto.safe().get(2).goodput()).containsEntry("hotset:1000", 1_000.0);
        assertThat(auto.safe().get(0).evidence().trials()).isEqualTo(200);
        assertThat(auto.unsafe()).extracting(Recommendation.Broken::strategy).containsExactly("naive");
        assertThat(auto.unsafe().get(0).anomalies()).containsExactly("dup");

        String md = Recommendation.markdown(recs);
        assertThat(md).contains("| 1 | `transactional` | SAFE 0/200 rounds, <1.5 % | 15,000 @8t | 2,000 @8t |")
                .contains("UNSAFE here: `naive` (dup; 30/200, 15 %)");
    }

    @Test
    void outerTransactionIsMarkedWithTheServersDefaultIsolation() {
        List<Recommendation> recs = Recommendation.of(List.of(race("upsert", false, 0, 0), race("upsert", true, 3, 2),
                steady("upsert", "hotset:1000", 100, 0)));
        assertThat(recs).extracting(Recommendation::situation).containsExactly("autocommit", "outer-tx RC★");
        assertThat(recs.get(1).safe()).isEmpty();
        assertThat(Recommendation.markdown(recs)).contains("No strategy came through its races without an anomaly.");
    }

    @Test
    void medianOfRepeatedRuns() {
        assertThat(Recommendation.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Recommendation.median(List.of(4.0, 1.0))).isEqualTo(2.5);
    }
}
