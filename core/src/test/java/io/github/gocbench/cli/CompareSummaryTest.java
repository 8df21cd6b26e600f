package io.github.gocbench.cli;

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

/** Formatting of compare tables and outcome lines from plain result values (no database). */
class CompareSummaryTest {

    private static final TargetInfo PG =
            new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED, "jdbc:postgresql://x", Map.of());

    static RunResult race(String strategy, boolean outerTx, long dup, int roundsHit) {
        return race(strategy, outerTx, dup, roundsHit, 8, 200);
    }

    static RunResult race(String strategy, boolean outerTx, long dup, int roundsHit, int threads, int rounds) {
        Map<Outcome, Long> outcomes = outcomes(200, 1400 - dup, dup);
        Verdict v = dup > 0 ? Verdict.UNSAFE : Verdict.SAFE;
        return new RunResult("goc-bench", "dev", Instant.EPOCH, new RunResult.HostInfo(2, "17", "Linux"), PG,
                new RunResult.ConfigInfo(strategy, WorkloadKind.RACE, threads, rounds, null, null, null,
                        new Conditions(null, outerTx, true, false, 0)),
                new RunResult.Totals(1600, 1.0, 1600), outcomes, invariants(), new RunResult.Latency(500, 900, 2000,
                3000, 4000), 0, new RunResult.RaceFigures(rounds, roundsHit, roundsHit / (double) rounds), v,
                dup > 0 ? new RunResult.FirstAnomaly("DUPLICATE_KEY", 1, 12, "23505", 0,
                        "ERROR: duplicate key value violates unique constraint \"goc_item_k_key\"\n  Detail: x")
                        : null, true, null);
    }

    static RunResult steady(String strategy, String keys, int threads, double rate) {
        return new RunResult("goc-bench", "dev", Instant.EPOCH, new RunResult.HostInfo(2, "17", "Linux"), PG,
                new RunResult.ConfigInfo(strategy, WorkloadKind.STEADY, threads, null, 2.0, 1.0, keys, Conditions.DEFAULT),
                new RunResult.Totals((long) (rate * 2), 2.0, rate), outcomes(1, (long) (rate * 2) - 1, 0), invariants(),
                new RunResult.Latency(100, 200, 300, 400, 500), 0, null, Verdict.SAFE, null, true, null);
    }

    private static Map<Outcome, Long> outcomes(long created, long found, long dup) {
        Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, 0L);
        }
        m.put(Outcome.CREATED, created);
        m.put(Outcome.FOUND, found);
        m.put(Outcome.DUPLICATE_KEY, dup);
        return m;
    }

    private static Map<Invariant, Long> invariants() {
        Map<Invariant, Long> m = new EnumMap<>(Invariant.class);
        for (Invariant i : Invariant.values()) {
            m.put(i, 0L);
        }
        return m;
    }

    @Test
    void onePlainRowPerStrategyWithVerdictsAndRates() {
        List<RunResult> results = List.of(
                race("naive", false, 300, 170), race("naive", true, 250, 160),
                race("upsert", false, 0, 0), race("upsert", true, 0, 0),
                steady("naive", "hot", 1, 14_321), steady("naive", "hotset:1000", 1, 950),
                steady("upsert", "hot", 1, 5_600), steady("upsert", "hotset:1000", 1, 1_900));
        String text = CompareSummary.plain(CompareSummary.sections(results));

        assertThat(text).contains("postgres: PostgreSQL 17.6 (embedded); races at 8 threads x 200 rounds;"
                + " steady 2s after 1s warm-up\n  goodput (successful calls/s) at 1 threads per workload:"
                + " hit-heavy = hotset:1000; hot");
        // one column per workload, hit-heavy first
        assertThat(text).containsPattern("strategy +verdict +race autocommit +race outer-tx +dup/other +hit-heavy 1t +hot 1t");
        assertThat(text).containsPattern("naive +UNSAFE +UNSAFE 170/200 +UNSAFE 160/200 +550/0 +950 +14k");
        // every SAFE carries its rounds and the 95 % bound on the per-round anomaly rate
        assertThat(text).containsPattern("upsert +SAFE +SAFE 0/200 <1.5% +SAFE 0/200 <1.5% +0/0 +1.9k +5.6k");
    }

    @Test
    void repeatedSteadyRunsShowTheirMedianAndWorkloadsGetTheirOwnColumns() {
        RunResult churn = steady("upsert", "hot", 8, 700);
        churn = new RunResult(churn.tool(), churn.toolVersion(), churn.time(), churn.host(), churn.target(),
                new RunResult.ConfigInfo("upsert", WorkloadKind.STEADY, 8, null, 2.0, 1.0, "hot",
                        new Conditions(null, false, true, false, 1.0)),
                churn.totals(), churn.outcomes(), churn.invariants(), churn.latencyMicros(), 0, null, Verdict.SAFE,
                null, true, null);
        List<RunResult> results = List.of(
                steady("upsert", "hotset:1000", 8, 9_000), steady("upsert", "hotset:1000", 8, 1_200),
                steady("upsert", "hotset:1000", 8, 3_300), steady("upsert", "new", 8, 4_400), churn);
        String text = CompareSummary.plain(CompareSummary.sections(results));

        assertThat(text).contains("goodput (successful calls/s, median of 3 runs) at 8 threads per workload:"
                + " hit-heavy = hotset:1000; create-heavy = new; get+delete = hot churn 1");
        assertThat(text).containsPattern("hit-heavy 8t +create-heavy 8t +get\\+delete 8t");
        // the median of 9,000, 1,200 and 3,300, not their mean (4,500) nor the first run
        assertThat(text).containsPattern("upsert +SAFE +- +- +0/0 +3.3k +4.4k +700");
    }

    @Test
    void theVerdictIsTheRacesAndASteadyRunsAnomaliesAreMarkedInItsCell() {
        // transactional: SAFE in both races, but under churn deletes a steady call lost its row between the
        // conflict and the re-read (NOT_FOUND_AFTER_CONFLICT): marked '!' in its cell, counted in dup/other
        RunResult churn = steady("transactional", "hot", 8, 700);
        Map<Outcome, Long> outcomes = new EnumMap<>(churn.outcomes());
        outcomes.put(Outcome.NOT_FOUND_AFTER_CONFLICT, 9L);
        churn = new RunResult(churn.tool(), churn.toolVersion(), churn.time(), churn.host(), churn.target(),
                new RunResult.ConfigInfo("transactional", WorkloadKind.STEADY, 8, null, 2.0, 1.0, "hot",
                        new Conditions(null, false, true, false, 1.0)),
                churn.totals(), outcomes, churn.invariants(), churn.latencyMicros(), 0, null, Verdict.UNSAFE,
                null, true, null);
        List<RunResult> results = List.of(race("transactional", false, 0, 0), race("transactional", true, 0, 0),
                churn);
        String text = CompareSummary.plain(CompareSummary.sections(results));

        assertThat(text).containsPattern("transactional +SAFE +SAFE 0/200 <1.5% +SAFE 0/200 <1.5% +0/9 +700!");
        assertThat(text).contains("verdict = the races' (autocommit and outer-tx)");
    }

    @Test
    void firstAnomalyLinesNameTheRacesConditions() {
        RunResult plain = race("naive", false, 5, 3);
        RunResult hook = new RunResult(plain.tool(), plain.toolVersion(), plain.time(), plain.host(), plain.target(),
                new RunResult.ConfigInfo("naive", WorkloadKind.RACE, 8, 200, null, null, null,
                        new Conditions(null, false, true, true, 0)),
                plain.totals(), plain.outcomes(), plain.invariants(), plain.latencyMicros(), 0, plain.race(),
                Verdict.UNSAFE, plain.firstAnomaly(), true, null);
        assertThat(CompareSummary.firstAnomalies(List.of(plain, hook)))
                .anyMatch(l -> l.startsWith("first anomaly, postgres naive race: DUPLICATE_KEY"))
                .anyMatch(l -> l.startsWith("first anomaly, postgres naive race side-effect: DUPLICATE_KEY"));
    }

    @Test
    void raceColumnsAddUpRacesAtEveryThreadCount() {
        List<RunResult> results = List.of(
                race("naive", false, 0, 0, 2, 40), race("naive", false, 30, 12, 8, 300),
                race("naive", false, 90, 50, 16, 60), race("naive", true, 20, 9, 8, 300),
                race("upsert", false, 0, 0, 2, 1000), race("upsert", true, 0, 0, 8, 1000));
        String text = CompareSummary.plain(CompareSummary.sections(results));

        assertThat(text).contains("postgres: PostgreSQL 17.6 (embedded); races at 2,8,16 threads x 40-1000 rounds");
        assertThat(text).containsPattern("naive +UNSAFE +UNSAFE 62/400 +UNSAFE 9/300 +140/0");
        assertThat(text).containsPattern("upsert +SAFE +SAFE 0/1000 <0.30% +SAFE 0/1000 <0.30% +0/0");
    }

    @Test
    void outcomeTableShowsNonZeroOutcomesAndFirstAnomalyOnOneLine() {
        String table = RunTable.table(List.of(race("naive", false, 7, 5)));
        assertThat(table).contains("CREATED 200, FOUND 1393, DUPLICATE_KEY 7").contains("UNSAFE (5/200 rounds, 2.5 %)")
                .contains("evidence (naive, 8 threads): anomalies in 5 of 200 rounds of 8 threads: per-round rate 2.5 %"
                        + " (95 % interval 0.82 % to 5.7 %)")
                .contains("0.50").contains("2.00");
        assertThat(table).contains("first anomaly (naive, 8 threads): DUPLICATE_KEY in round 1 at 12 ms: ERROR:"
                + " duplicate key value violates unique constraint \"goc_item_k_key\"; Detail: x [23505]");
        assertThat(RunTable.quietLine(race("upsert", false, 0, 0)))
                .isEqualTo("postgres upsert race 200 rounds 8 threads: SAFE (0/200 rounds, <1.5 %)");
    }

    @Test
    void forbiddenGradesAreListedFirstAndFailTheRun() {
        RunResult ok = race("upsert", false, 0, 0);
        RunResult forbidden = race("upsert", true, 3, 2).withGrading(new io.github.gocbench.strategy.Grading(
                io.github.gocbench.strategy.Grade.FORBIDDEN_SEEN, io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED,
                null, java.util.Set.of(Outcome.DUPLICATE_KEY), java.util.Set.of(), java.util.Set.of()));
        RunResult weak = race("naive", false, 0, 0).withGrading(new io.github.gocbench.strategy.Grading(
                io.github.gocbench.strategy.Grade.DECLARED_NOT_SEEN, io.github.gocbench.strategy.Situation.AUTOCOMMIT,
                null, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(Outcome.DUPLICATE_KEY)));
        assertThat(CompareSummary.anyForbidden(List.of(ok, weak))).isFalse();
        assertThat(CompareSummary.anyForbidden(List.of(ok, weak, forbidden))).isTrue();
        List<String> notes = CompareSummary.gradeNotes(List.of(weak, ok, forbidden));
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).contains("upsert").contains("FORBIDDEN SEEN (outer-read-committed): DUPLICATE_KEY");
        assertThat(notes.get(1)).contains("naive").contains("DUPLICATE_KEY not seen in 200 rounds (weak evidence)");
        assertThat(CompareSummary.gradesPlain(List.of(ok))).isEmpty();
    }
}
