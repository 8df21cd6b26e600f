package io.github.gocbench.report;

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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic set of results as {@code goc compare} would save them: 2 servers × 3 strategies ×
 * threads 1, 2, 4, 8 × keys hot / hotset:16 (steady), plus race runs in autocommit and in an
 * outer transaction where naive and transactional see anomalies. Plain values: this feeds the
 * drawing code, it says nothing about database behaviour.
 */
final class SampleResults {

    static final List<String> STRATEGIES = List.of("naive", "transactional", "upsert");
    static final int[] THREADS = {1, 2, 4, 8};
    static final List<String> KEYS = List.of("hot", "hotset:16");

    static final TargetInfo POSTGRES = new TargetInfo(DbFamily.POSTGRES, "PostgreSQL", "17.6", Provision.EMBEDDED,
            "jdbc:postgresql://localhost:41234/postgres?user=postgres", settings(
                    "default_transaction_isolation", "read committed", "fsync", "off", "synchronous_commit", "off"));
    static final TargetInfo MARIADB = new TargetInfo(DbFamily.MARIADB, "MariaDB", "11.4.5-MariaDB", Provision.EMBEDDED,
            "jdbc:mysql://localhost:3307/test?user=root", settings("transaction_isolation", "REPEATABLE-READ",
                    "innodb_flush_log_at_trx_commit", "1", "innodb_snapshot_isolation", "ON"));
    static final RunResult.HostInfo HOST = new RunResult.HostInfo(2, "OpenJDK 64-Bit Server VM 17.0.15+6-Debian",
            "Linux 6.1 amd64");

    private SampleResults() {
    }

    /** Steady runs for both servers, then race runs. */
    static List<RunResult> all() {
        List<RunResult> out = new ArrayList<>(steady());
        out.addAll(race());
        return out;
    }

    static List<RunResult> steady() {
        List<RunResult> out = new ArrayList<>();
        for (TargetInfo t : List.of(POSTGRES, MARIADB)) {
            double serverSpeed = t == POSTGRES ? 1.0 : 0.7;
            for (String keys : KEYS) {
                double contention = keys.equals("hot") ? 0.55 : 0.9;
                for (int si = 0; si < STRATEGIES.size(); si++) {
                    String s = STRATEGIES.get(si);
                    double base = new double[] {5200, 1900, 4100}[si] * serverSpeed;
                    for (int threads : THREADS) {
                        double cps = base * threads * Math.pow(contention, Math.log(threads) / Math.log(2));
                        long calls = Math.round(cps * 10);
                        long dup = s.equals("naive") && threads > 1 && t == POSTGRES ? threads * 3L : 0;
                        long p50 = Math.round(1e6 / base * (1 + threads * 0.2));
                        out.add(result(t, s, WorkloadKind.STEADY, threads, keys, false, calls, 10.0, dup, 0,
                                new RunResult.Latency(p50, p50 * 2.0, p50 * 6.0, p50 * 40.0, p50 * 120.0), null));
                    }
                }
            }
        }
        return out;
    }

    static List<RunResult> race() {
        List<RunResult> out = new ArrayList<>();
        for (TargetInfo t : List.of(POSTGRES, MARIADB)) {
            for (boolean outerTx : new boolean[] {false, true}) {
                for (String s : STRATEGIES) {
                    for (int threads : new int[] {2, 4, 8}) {
                        int rounds = 500;
                        int bad = 0;
                        long dup = 0;
                        long other = 0;
                        long doubleCreate = 0;
                        if (s.equals("naive")) {
                            bad = Math.min(rounds, 60 * threads);
                            dup = bad;
                            doubleCreate = t == MARIADB ? 0 : 0;
                        } else if (s.equals("transactional") && outerTx) {
                            bad = 12 * threads;
                            other = bad;
                        }
                        long calls = (long) rounds * threads;
                        RunResult r = result(t, s, WorkloadKind.RACE, threads, null, outerTx, calls, 3.0, dup, other,
                                new RunResult.Latency(350, 900, 2500, 9000, 20000),
                                new RunResult.RaceFigures(rounds, bad, bad / (double) rounds));
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /**
     * One result. {@code other} anomalies are NOT_FOUND_AFTER_CONFLICT on PostgreSQL and DEADLOCK
     * on MariaDB, to show different short names per server.
     */
    static RunResult result(TargetInfo t, String strategy, WorkloadKind workload, int threads, String keys, boolean outerTx,
                            long calls, double seconds, long dup, long other, RunResult.Latency latency,
                            RunResult.RaceFigures race) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0L);
        }
        Outcome otherKind = t.family() == DbFamily.POSTGRES ? Outcome.NOT_FOUND_AFTER_CONFLICT : Outcome.DEADLOCK;
        outcomes.put(Outcome.DUPLICATE_KEY, dup);
        outcomes.put(otherKind, other);
        long good = calls - dup - other;
        outcomes.put(Outcome.CREATED, Math.min(good, race == null ? calls / 3 : race.rounds()));
        outcomes.put(Outcome.FOUND, good - outcomes.get(Outcome.CREATED));
        Map<Invariant, Long> invariants = new EnumMap<>(Invariant.class);
        for (Invariant i : Invariant.values()) {
            invariants.put(i, 0L);
        }
        if (strategy.equals("naive") && workload == WorkloadKind.RACE && t.family() == DbFamily.MARIADB && outerTx) {
            invariants.put(Invariant.ID_MISMATCH, 2L);
        }
        boolean safe = dup == 0 && other == 0 && invariants.values().stream().allMatch(v -> v == 0);
        RunResult.FirstAnomaly first = safe ? null
                : new RunResult.FirstAnomaly(dup > 0 ? "DUPLICATE_KEY" : otherKind.name(), race == null ? null : 3,
                        120, dup > 0 ? (t.family() == DbFamily.POSTGRES ? "23505" : "23000") : null,
                        dup > 0 && t.family() != DbFamily.POSTGRES ? 1062 : null, "duplicate key value");
        RunResult.ConfigInfo config = new RunResult.ConfigInfo(strategy, workload, threads,
                race == null ? null : race.rounds(), race == null ? seconds : null, race == null ? 2.0 : null, keys,
                new Conditions(null, outerTx, true, false, 0.0));
        return new RunResult("goc-bench", "0.1.0-SNAPSHOT", Instant.parse("2026-11-27T04:00:00Z"), HOST, t, config,
                new RunResult.Totals(calls, seconds, calls / seconds), outcomes, invariants, latency, 0, race,
                safe ? Verdict.SAFE : Verdict.UNSAFE, first, true, null);
    }

    private static Map<String, String> settings(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
