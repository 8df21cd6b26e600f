package io.github.gocbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Phase;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
import io.github.gocbench.strategy.EffectiveSituation;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Grading;
import io.github.gocbench.strategy.Isolation;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One run's result document (DESIGN.md, "Results"). Written as JSON by {@link ResultsWriter}
 * and read back by {@code goc report}, so every field is plain data.
 *
 * @param tool          always "goc-bench"
 * @param toolVersion   goc-bench version
 * @param time          when the run started (UTC)
 * @param host          cores, JVM, OS
 * @param target        server product, version, provision, settings
 * @param config        strategy, workload, threads, keys, conditions
 * @param totals        calls, seconds, calls/s
 * @param outcomes      count per call outcome (every outcome present, zeros included)
 * @param invariants    count per broken invariant (every invariant present, zeros included)
 * @param latencyMicros latency percentiles of the successful calls (CREATED, FOUND), in microseconds
 *                      (documents written before failedLatencyMicros existed: of all calls)
 * @param retries       retries reported by the strategy, summed over calls
 * @param race          per-round figures for race workloads, {@code null} for steady
 * @param verdict       SAFE when no anomaly was seen and every invariant held
 * @param firstAnomaly  the first anomaly seen, or {@code null}
 * @param complete      false when the run was cut short (deadline, server lost, interrupted)
 * @param note          why the run is incomplete, or {@code null}
 * @param schemaVersion the document's format, {@link #SCHEMA_VERSION} when written by this version
 *                      (0 when read from a document older than the field: format 1)
 * @param failuresByPhase failures per {@link Phase} and outcome, non-zero only: {@code CALL} and
 *                      {@code COMMIT} are in {@code outcomes} (they count against the strategy);
 *                      {@code READ} and {@code CHURN} are the workload's own statements, noise
 *                      that never counts against it
 * @param evidence      what the verdict rests on (derived from the race figures or totals when a
 *                      document has none)
 * @param grading       the run graded against the strategy's declaration, or {@code null} when
 *                      the document predates grading
 * @param cost          what the calls cost the server and the wire per successful call, or
 *                      {@code null} when not measured (older documents, replays)
 * @param failedLatencyMicros latency percentiles of the failed calls (every outcome but CREATED and
 *                      FOUND), in microseconds; {@code null} when none failed (or the document predates it)
 * @param timelines     a race's first anomalous rounds, statement by statement (issue 18 forensics);
 *                      {@code null} when none was kept (clean races, steady runs, older documents)
 */
public record RunResult(
        String tool,
        String toolVersion,
        Instant time,
        HostInfo host,
        TargetInfo target,
        ConfigInfo config,
        Totals totals,
        Map<Outcome, Long> outcomes,
        Map<Invariant, Long> invariants,
        Latency latencyMicros,
        long retries,
        RaceFigures race,
        Verdict verdict,
        FirstAnomaly firstAnomaly,
        boolean complete,
        String note,
        int schemaVersion,
        Map<Phase, Map<Outcome, Long>> failuresByPhase,
        EvidenceFigures evidence,
        Grading grading,
        CallCost cost,
        Latency failedLatencyMicros,
        @JsonInclude(JsonInclude.Include.NON_NULL) java.util.List<Timeline> timelines) {

    /**
     * The format this version writes. 2: {@code failuresByPhase} (workload noise apart from the
     * strategy's outcomes), {@code evidence}, {@code grading}, {@code firstAnomaly.phase}, verdict
     * {@code INCONCLUSIVE}.
     */
    public static final int SCHEMA_VERSION = 2;

    /** A result without failed-call latencies. */
    public RunResult(String tool, String toolVersion, Instant time, HostInfo host, TargetInfo target,
                     ConfigInfo config, Totals totals, Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants,
                     Latency latencyMicros, long retries, RaceFigures race, Verdict verdict,
                     FirstAnomaly firstAnomaly, boolean complete, String note, int schemaVersion,
                     Map<Phase, Map<Outcome, Long>> failuresByPhase, EvidenceFigures evidence, Grading grading,
                     CallCost cost) {
        this(tool, toolVersion, time, host, target, config, totals, outcomes, invariants, latencyMicros, retries,
                race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase, evidence, grading, cost,
                null);
    }

    /** A result without timelines. */
    public RunResult(String tool, String toolVersion, Instant time, HostInfo host, TargetInfo target,
                     ConfigInfo config, Totals totals, Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants,
                     Latency latencyMicros, long retries, RaceFigures race, Verdict verdict,
                     FirstAnomaly firstAnomaly, boolean complete, String note, int schemaVersion,
                     Map<Phase, Map<Outcome, Long>> failuresByPhase, EvidenceFigures evidence, Grading grading,
                     CallCost cost, Latency failedLatencyMicros) {
        this(tool, toolVersion, time, host, target, config, totals, outcomes, invariants, latencyMicros, retries,
                race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase, evidence, grading, cost,
                failedLatencyMicros, null);
    }

    /** A result without cost figures. */
    public RunResult(String tool, String toolVersion, Instant time, HostInfo host, TargetInfo target,
                     ConfigInfo config, Totals totals, Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants,
                     Latency latencyMicros, long retries, RaceFigures race, Verdict verdict,
                     FirstAnomaly firstAnomaly, boolean complete, String note, int schemaVersion,
                     Map<Phase, Map<Outcome, Long>> failuresByPhase, EvidenceFigures evidence, Grading grading) {
        this(tool, toolVersion, time, host, target, config, totals, outcomes, invariants, latencyMicros, retries,
                race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase, evidence, grading, null,
                null);
    }

    /** A document without the format-2 fields: evidence derived from its figures, no grading. */
    public RunResult(String tool, String toolVersion, Instant time, HostInfo host, TargetInfo target,
                     ConfigInfo config, Totals totals, Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants,
                     Latency latencyMicros, long retries, RaceFigures race, Verdict verdict,
                     FirstAnomaly firstAnomaly, boolean complete, String note) {
        this(tool, toolVersion, time, host, target, config, totals, outcomes, invariants, latencyMicros, retries,
                race, verdict, firstAnomaly, complete, note, 0, null, null, null, null, null);
    }

    /**
     * Normalises {@code outcomes} and {@code invariants} to unmodifiable enum-ordered maps with
     * every constant present (absent ones count 0), so documents read back from JSON compare
     * equal to the ones written and tables always have every column.
     */
    public RunResult {
        outcomes = complete(Outcome.class, outcomes);
        invariants = complete(Invariant.class, invariants);
        failuresByPhase = nonZero(failuresByPhase);
        if (totals != null) {
            totals = totals.withOutcomes(outcomes);
        }
        timelines = timelines == null || timelines.isEmpty() ? null : java.util.List.copyOf(timelines);
        if (evidence == null && config != null && totals != null) {
            evidence = EvidenceFigures.of(derivedEvidence(config, totals, race, outcomes, invariants));
        }
    }

    private static Map<Phase, Map<Outcome, Long>> nonZero(Map<Phase, Map<Outcome, Long>> byPhase) {
        Map<Phase, Map<Outcome, Long>> all = new EnumMap<>(Phase.class);
        if (byPhase != null) {
            byPhase.forEach((phase, counts) -> {
                Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
                if (counts != null) {
                    counts.forEach((o, n) -> {
                        if (n != null && n > 0) {
                            m.put(o, n);
                        }
                    });
                }
                if (!m.isEmpty()) {
                    all.put(phase, Collections.unmodifiableMap(m));
                }
            });
        }
        return Collections.unmodifiableMap(all);
    }

    private static Evidence derivedEvidence(ConfigInfo config, Totals totals, RaceFigures race,
                                            Map<Outcome, Long> outcomes, Map<Invariant, Long> invariants) {
        if (race != null) {
            return Evidence.ofRounds(race.rounds(), race.roundsWithAnomaly(), config.threads());
        }
        long anomalies = 0;
        for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
            anomalies += e.getKey().isAnomaly() ? e.getValue() : 0;
        }
        for (long v : invariants.values()) {
            anomalies += v;
        }
        return Evidence.ofCalls(totals.calls(), Math.min(totals.calls(), anomalies), config.threads());
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<E, Long> counts) {
        EnumMap<E, Long> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            Long v = counts == null ? null : counts.get(e);
            all.put(e, v == null ? 0L : v);
        }
        return Collections.unmodifiableMap(all);
    }

    /** Host facts: logical cores, JVM, OS. */
    public record HostInfo(int cores, String jvm, String os) {
    }

    /**
     * The run's configuration. The workload is flattened to plain values; the conditions stay
     * their type in memory and are written inline (JSON {@code isolation}, {@code outerTx},
     * {@code unique}, {@code sideEffect}, {@code churn} beside {@code strategy}), so readers never
     * re-parse them.
     *
     * @param strategy        strategy id
     * @param workload        race or steady ({@code race}, {@code steady} on disk)
     * @param threads         callers
     * @param rounds          race rounds, or {@code null} for steady
     * @param durationSeconds steady measured seconds, or {@code null} for race
     * @param warmupSeconds   steady warm-up seconds, or {@code null} for race
     * @param keys            steady key distribution ({@code hotset:1000}), or {@code null} for race
     * @param conditions      isolation, outer transaction, unique constraint, side effect, churn
     * @param strategyDescription what a user strategy says it runs ({@code UserStrategy.description()},
     *                        e.g. a framework and its version), or {@code null} (built-in strategies; not written)
     */
    public record ConfigInfo(String strategy, WorkloadKind workload, int threads, Integer rounds, Double durationSeconds,
                             Double warmupSeconds, String keys, @JsonUnwrapped Conditions conditions,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String strategyDescription) {

        /** A document without conditions (hand-written or truncated) reads as the defaults. */
        public ConfigInfo {
            conditions = conditions == null ? Conditions.DEFAULT : conditions;
        }

        /** A configuration without a strategy description. */
        public ConfigInfo(String strategy, WorkloadKind workload, int threads, Integer rounds, Double durationSeconds,
                          Double warmupSeconds, String keys, Conditions conditions) {
            this(strategy, workload, threads, rounds, durationSeconds, warmupSeconds, keys, conditions, null);
        }
    }

    /**
     * Calls counted, measured seconds and the rates over them. Goodput (DESIGN.md vocabulary) is the
     * headline: successful calls (CREATED + FOUND) per second; attempts ({@code callsPerSecond}) and
     * failures per second stand beside it, so a point where most calls failed cannot pass for a fast one.
     *
     * @param calls             calls counted (successful and failed)
     * @param seconds           measured seconds
     * @param callsPerSecond    attempts per second: every call, failed ones included
     * @param successful        calls answered CREATED or FOUND, or {@code null} until derived from the outcomes
     * @param goodputPerSecond  successful calls per second, or {@code null} until derived
     * @param failuresPerSecond failed calls (any other outcome) per second, or {@code null} until derived
     */
    public record Totals(long calls, double seconds, double callsPerSecond, Long successful, Double goodputPerSecond,
                         Double failuresPerSecond) {

        /** Totals before the outcomes are known; {@link RunResult} derives goodput from its outcomes. */
        public Totals(long calls, double seconds, double callsPerSecond) {
            this(calls, seconds, callsPerSecond, null, null, null);
        }

        /**
         * These totals with goodput and failures per second taken from {@code outcomes} (the strategy's
         * answers; workload noise is not in them). A document that already carries them keeps its own.
         */
        public Totals withOutcomes(Map<Outcome, Long> outcomes) {
            if (successful != null && goodputPerSecond != null && failuresPerSecond != null) {
                return this;
            }
            long ok = outcomes.getOrDefault(Outcome.CREATED, 0L) + outcomes.getOrDefault(Outcome.FOUND, 0L);
            long failed = 0;
            for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
                failed += e.getKey().isAnomaly() ? e.getValue() : 0;
            }
            return new Totals(calls, seconds, callsPerSecond, ok, seconds > 0 ? ok / seconds : 0.0,
                    seconds > 0 ? failed / seconds : 0.0);
        }

        /** Successful calls per second (0 when not derived). */
        public double goodput() {
            return goodputPerSecond == null ? 0 : goodputPerSecond;
        }

        /** Failed calls per second (0 when not derived). */
        public double failureRate() {
            return failuresPerSecond == null ? 0 : failuresPerSecond;
        }

        /** The share of calls that failed, 0..1 (0 without calls). */
        public double failedShare() {
            long ok = successful == null ? calls : successful;
            return calls <= 0 ? 0 : Math.max(0, calls - ok) / (double) calls;
        }
    }

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max) {
    }

    /** Race workload figures: rounds run, rounds that saw at least one anomaly, and their rate. */
    public record RaceFigures(int rounds, int roundsWithAnomaly, double anomalyRatePerRound) {
    }

    /**
     * The first anomaly of a run.
     *
     * @param kind       an outcome or invariant name, e.g. DUPLICATE_KEY
     * @param round      race round (1-based), or {@code null} for steady runs
     * @param atMs       milliseconds since the run started
     * @param sqlState   SQLState, when the anomaly was a server error
     * @param vendorCode vendor error code, when the anomaly was a server error
     * @param message    the server's message or a description of the broken invariant
     */
    public record FirstAnomaly(String kind, Integer round, long atMs, String sqlState, Integer vendorCode,
                               String message, Phase phase) {

        /** A first anomaly without a phase: a broken invariant, or a document older than phases. */
        public FirstAnomaly(String kind, Integer round, long atMs, String sqlState, Integer vendorCode,
                            String message) {
            this(kind, round, atMs, sqlState, vendorCode, message, null);
        }
    }

    /**
     * {@link Evidence} as plain numbers for JSON and CSV readers: the counts it rests on and the
     * bounds they give, so a spreadsheet needs no beta quantiles.
     *
     * @param unit        {@code rounds} (race) or {@code calls} (steady)
     * @param trials      rounds finished, or calls counted
     * @param anomalous   of those, the ones with an anomaly of the strategy's
     * @param threads     threads per round
     * @param rate        anomalous / trials
     * @param upperBound95 exact one-sided 95 % upper bound on the rate
     * @param low95       exact two-sided 95 % interval, low end
     * @param high95      exact two-sided 95 % interval, high end
     */
    public record EvidenceFigures(String unit, long trials, long anomalous, int threads, double rate,
                                  double upperBound95, double low95, double high95) {

        /** The figures of {@code e}. */
        public static EvidenceFigures of(Evidence e) {
            Evidence.Interval ci = e.interval();
            return new EvidenceFigures(e.unit().plural(), e.trials(), e.anomalous(), e.threads(), e.rate(),
                    e.upperBound(), ci.low(), ci.high());
        }

        /** Back to {@link Evidence} (the bounds are recomputed from the counts). */
        public Evidence toEvidence() {
            Evidence.Unit u = "calls".equals(unit) ? Evidence.Unit.CALLS : Evidence.Unit.ROUNDS;
            return new Evidence(u, trials, Math.min(anomalous, trials), threads);
        }
    }

    /** Failures of the workload's own statements (outer read, churn delete): noise, never the strategy's. */
    public long workloadNoise() {
        long n = 0;
        for (Map.Entry<Phase, Map<Outcome, Long>> e : failuresByPhase.entrySet()) {
            if (!e.getKey().countsAgainstStrategy()) {
                for (long v : e.getValue().values()) {
                    n += v;
                }
            }
        }
        return n;
    }

    /** Failures of {@code outcome} in {@code phase}; 0 when none. */
    public long failures(Phase phase, Outcome outcome) {
        Map<Outcome, Long> m = failuresByPhase.get(phase);
        Long n = m == null ? null : m.get(outcome);
        return n == null ? 0 : n;
    }

    /**
     * The circumstances the run's calls had, from what was recorded at run time: the asked
     * isolation or else the server's recorded default, the outer transaction, the unique
     * constraint, churn, and MariaDB's {@code innodb_snapshot_isolation}.
     */
    public EffectiveSituation effectiveSituation() {
        Conditions c = config == null ? Conditions.DEFAULT : config.conditions();
        DbFamily family = target == null ? null : target.family();
        Map<String, String> settings = target == null || target.settings() == null ? Map.of() : target.settings();
        Isolation isolation = c.isolation();
        if (isolation == null && family != null) {
            isolation = EffectiveSituation.parseServerIsolation(settings.get(
                    family == DbFamily.POSTGRES ? "default_transaction_isolation" : "transaction_isolation"));
        }
        String snapshot = settings.get("innodb_snapshot_isolation");
        boolean snapshotOn = snapshot != null && (snapshot.equalsIgnoreCase("ON") || snapshot.equals("1")
                || snapshot.equalsIgnoreCase("true"));
        return new EffectiveSituation(isolation, family == null ? null : family.declaredDefaultIsolation(),
                c.outerTx(), c.unique(), c.churn(), snapshotOn);
    }

    /** This run graded against {@code expect} (the strategy's declaration) in its effective situation. */
    public Grading grade(Expect expect) {
        return Grading.of(expect, effectiveSituation(), outcomes, invariants);
    }

    /** A copy with {@code grading}. */
    public RunResult withGrading(Grading grading) {
        return new RunResult(tool, toolVersion, time, host, target, config, totals, outcomes, invariants,
                latencyMicros, retries, race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase,
                evidence, grading, cost, failedLatencyMicros, timelines);
    }

    /** A copy with {@code timelines}. */
    public RunResult withTimelines(java.util.List<Timeline> timelines) {
        return new RunResult(tool, toolVersion, time, host, target, config, totals, outcomes, invariants,
                latencyMicros, retries, race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase,
                evidence, grading, cost, failedLatencyMicros, timelines);
    }

    /** A copy with {@code cost}. */
    public RunResult withCost(CallCost cost) {
        return new RunResult(tool, toolVersion, time, host, target, config, totals, outcomes, invariants,
                latencyMicros, retries, race, verdict, firstAnomaly, complete, note, schemaVersion, failuresByPhase,
                evidence, grading, cost, failedLatencyMicros, timelines);
    }

    /** Number of anomalous calls plus broken invariants. */
    public long anomalyCount() {
        long n = 0;
        for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
            if (e.getKey().isAnomaly()) {
                n += e.getValue();
            }
        }
        for (long v : invariants.values()) {
            n += v;
        }
        return n;
    }
}
