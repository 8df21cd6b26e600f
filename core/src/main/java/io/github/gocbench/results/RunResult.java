package io.github.gocbench.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Conditions;
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
 * @param latencyMicros latency percentiles of all calls, in microseconds
 * @param retries       retries reported by the strategy, summed over calls
 * @param race          per-round figures for race workloads, {@code null} for steady
 * @param verdict       SAFE when no anomaly was seen and every invariant held
 * @param firstAnomaly  the first anomaly seen, or {@code null}
 * @param complete      false when the run was cut short (deadline, server lost, interrupted)
 * @param note          why the run is incomplete, or {@code null}
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
        String note) {

    /**
     * Normalises {@code outcomes} and {@code invariants} to unmodifiable enum-ordered maps with
     * every constant present (absent ones count 0), so documents read back from JSON compare
     * equal to the ones written and tables always have every column.
     */
    public RunResult {
        outcomes = complete(Outcome.class, outcomes);
        invariants = complete(Invariant.class, invariants);
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
     * @param workload        {@code race} or {@code steady}
     * @param threads         callers
     * @param rounds          race rounds, or {@code null} for steady
     * @param durationSeconds steady measured seconds, or {@code null} for race
     * @param warmupSeconds   steady warm-up seconds, or {@code null} for race
     * @param keys            steady key distribution ({@code hotset:1000}), or {@code null} for race
     * @param conditions      isolation, outer transaction, unique constraint, side effect, churn
     */
    public record ConfigInfo(String strategy, String workload, int threads, Integer rounds, Double durationSeconds,
                             Double warmupSeconds, String keys, @JsonUnwrapped Conditions conditions) {

        /** A document without conditions (hand-written or truncated) reads as the defaults. */
        public ConfigInfo {
            conditions = conditions == null ? Conditions.DEFAULT : conditions;
        }
    }

    /** Calls counted, measured seconds, calls per second. */
    public record Totals(long calls, double seconds, double callsPerSecond) {
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
                               String message) {
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
