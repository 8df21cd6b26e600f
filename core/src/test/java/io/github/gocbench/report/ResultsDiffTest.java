package io.github.gocbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Invariant;
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

/** {@link ResultsDiff} on hand-made results: what counts as a regression and what is noise. */
public class ResultsDiffTest {

    /** A race run of {@code strategy}: UNSAFE with {@code dups} duplicate keys, else SAFE. */
    public static RunResult race(String strategy, long dups) {
        Map<Outcome, Long> o = new EnumMap<>(Outcome.class);
        o.put(Outcome.CREATED, 100L);
        o.put(Outcome.FOUND, 700L - dups);
        o.put(Outcome.DUPLICATE_KEY, dups);
        return run(strategy, WorkloadKind.RACE, 8, o, 1.0, dups > 0 ? Verdict.UNSAFE : Verdict.SAFE);
    }

    /** A steady run of {@code strategy} whose calls all succeeded at {@code goodput} per second over 2 s. */
    public static RunResult steady(String strategy, double goodput) {
        Map<Outcome, Long> o = new EnumMap<>(Outcome.class);
        o.put(Outcome.FOUND, (long) (goodput * 2));
        return run(strategy, WorkloadKind.STEADY, 4, o, 2.0, Verdict.SAFE);
    }

    private static RunResult run(String strategy, WorkloadKind workload, int threads, Map<Outcome, Long> outcomes,
                                 double seconds, Verdict verdict) {
        long calls = outcomes.values().stream().mapToLong(Long::longValue).sum();
        return new RunResult("goc-bench", "dev", Instant.parse("2026-12-01T10:00:00Z"),
                new RunResult.HostInfo(2, "17", "Linux"),
                new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED, "jdbc:postgresql://x/y",
                        Map.of()),
                new RunResult.ConfigInfo(strategy, workload, threads, workload == WorkloadKind.RACE ? 100 : null,
                        workload == WorkloadKind.STEADY ? seconds : null, null,
                        workload == WorkloadKind.STEADY ? "hotset:1000" : null, Conditions.DEFAULT),
                new RunResult.Totals(calls, seconds, calls / seconds), outcomes, new EnumMap<>(Invariant.class),
                new RunResult.Latency(1, 2, 3, 4, 5), 0, null, verdict, null, true, null);
    }

    @Test
    void safeToUnsafeIsARegressionAndTheReverseIsNot() {
        ResultsDiff d = ResultsDiff.of("old", null, List.of(race("upsert", 0), race("naive", 5)), "new", null,
                List.of(race("upsert", 3), race("naive", 0)));
        assertThat(d.verdicts()).hasSize(2);
        assertThat(d.verdicts()).filteredOn(ResultsDiff.Change::regression).singleElement()
                .satisfies(c -> assertThat(c.key().strategy()).isEqualTo("upsert"));
        assertThat(d.regressed()).isTrue();
        assertThat(d.markdown()).contains("**1 regression.**").contains("| postgres upsert race, 8 threads | SAFE | UNSAFE | **regression** |");
    }

    @Test
    void unchangedResultsHaveNoRegression() {
        List<RunResult> same = List.of(race("upsert", 0), steady("upsert", 1000), steady("upsert", 1100));
        ResultsDiff d = ResultsDiff.of("old", null, same, "new", null, same);
        assertThat(d.regressed()).isFalse();
        assertThat(d.verdicts()).isEmpty();
        assertThat(d.goodput()).singleElement().satisfies(s -> {
            assertThat(s.judgement()).isEqualTo(ResultsDiff.Judgement.WITHIN_SPREAD);
            assertThat(s.before()).isEqualTo(1050.0);
        });
        assertThat(d.markdown()).contains("**No regression.**");
    }

    @Test
    void goodputIsJudgedAgainstTheSpreadOfRepeatedRuns() {
        List<RunResult> old = List.of(steady("upsert", 1000), steady("upsert", 1100), steady("upsert", 1050));
        ResultsDiff slower = ResultsDiff.of("old", null, old, "new", null,
                List.of(steady("upsert", 800), steady("upsert", 850), steady("upsert", 900)));
        assertThat(slower.goodput()).singleElement()
                .satisfies(s -> assertThat(s.judgement()).isEqualTo(ResultsDiff.Judgement.SLOWER));
        assertThat(slower.regressed()).isTrue();
        ResultsDiff overlapping = ResultsDiff.of("old", null, old, "new", null,
                List.of(steady("upsert", 900), steady("upsert", 1010)));
        assertThat(overlapping.goodput().get(0).judgement()).isEqualTo(ResultsDiff.Judgement.WITHIN_SPREAD);
        assertThat(overlapping.regressed()).isFalse();
        ResultsDiff single = ResultsDiff.of("old", null, List.of(steady("upsert", 1000)), "new", null,
                List.of(steady("upsert", 500)));
        assertThat(single.goodput().get(0).judgement()).isEqualTo(ResultsDiff.Judgement.NOT_JUDGED);
        assertThat(single.goodput().get(0).change()).isEqualTo(-0.5);
        assertThat(single.regressed()).isFalse();
    }

    @Test
    void failedCallsAreNotGoodput() {
        Map<Outcome, Long> failing = new EnumMap<>(Outcome.class);
        failing.put(Outcome.DEADLOCK, 2000L);
        RunResult allFailed = run("select-for-update", WorkloadKind.STEADY, 4, failing, 2.0, Verdict.UNSAFE);
        ResultsDiff d = ResultsDiff.of("old", null, List.of(steady("select-for-update", 1000)), "new", null,
                List.of(allFailed));
        assertThat(d.goodput().get(0).after()).isZero();
        assertThat(d.verdicts()).singleElement().satisfies(c -> assertThat(c.regression()).isTrue());
    }

    @Test
    void configurationsOnOneSideAreListedNotCompared() {
        ResultsDiff d = ResultsDiff.of("old", null, List.of(race("naive", 1)), "new", null,
                List.of(race("upsert", 0)));
        assertThat(d.onlyOld()).extracting(ResultsDiff.Key::strategy).containsExactly("naive");
        assertThat(d.onlyNew()).extracting(ResultsDiff.Key::strategy).containsExactly("upsert");
        assertThat(d.regressed()).isFalse();
    }
}
