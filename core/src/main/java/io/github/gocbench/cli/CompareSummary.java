package io.github.gocbench.cli;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.outcome.Evidence;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.plan.ComparePlan;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.SteadyPoints;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.strategy.Grade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables {@code goc compare} prints: per database, one row per
 * strategy with its overall verdict, the race verdicts in autocommit and inside an outer
 * transaction, duplicate-key versus other anomalies, and calls/s at each thread count for the
 * hot and hot-set key choices. Built from results only. (The written report is drawn by
 * {@link io.github.gocbench.report.Report}; it holds the same verdicts as a grid and the
 * calls/s as charts, so no separate summary file is written.)
 */
final class CompareSummary {

    /** One database's table. */
    record Section(DbFamily db, String heading, TextTable table) {
    }

    private CompareSummary() {
    }

    static List<Section> sections(List<RunResult> results) {
        Map<DbFamily, List<RunResult>> byDb = new LinkedHashMap<>();
        for (RunResult r : results) {
            byDb.computeIfAbsent(r.target().family(), f -> new ArrayList<>()).add(r);
        }
        List<Section> sections = new ArrayList<>();
        byDb.forEach((db, rs) -> sections.add(section(db, rs)));
        return sections;
    }

    private static Section section(DbFamily db, List<RunResult> rs) {
        Set<String> strategies = new LinkedHashSet<>();
        Set<Integer> threads = new java.util.TreeSet<>();
        Map<String, String> workloads = new java.util.TreeMap<>(CompareSummary::workloadOrder);
        for (RunResult r : rs) {
            strategies.add(r.config().strategy());
            if (r.config().workload() == WorkloadKind.STEADY) {
                threads.add(r.config().threads());
                workloads.put(workload(r), workloadHeader(r));
            }
        }
        Map<SteadyPoints.Key, SteadyPoints.Point> points = SteadyPoints.of(rs);
        String threadList = threads.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("/"));
        List<String> header = new ArrayList<>(List.of("strategy", "verdict", "race autocommit", "race outer-tx",
                "dup/other"));
        workloads.values().forEach(h -> header.add(h + " " + threadList + "t"));
        boolean sideEffectRaces = rs.stream().anyMatch(r -> r.config().conditions().sideEffect());
        boolean noUniqueRaces = rs.stream().anyMatch(r -> !r.config().conditions().unique());
        if (sideEffectRaces) {
            header.add("side-effect race");
        }
        if (noUniqueRaces) {
            header.add("no-unique race");
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        int[] rightCols = new int[workloads.size() + 1];
        for (int i = 0; i < rightCols.length; i++) {
            rightCols[i] = 4 + i;
        }
        table.right(rightCols);
        for (String s : strategies) {
            List<RunResult> all = rs.stream().filter(r -> r.config().strategy().equals(s)).toList();
            // the strategy's own verdict: unique constraint, no hook; the other two are their own columns
            List<RunResult> mine = all.stream()
                    .filter(r -> r.config().conditions().unique() && !r.config().conditions().sideEffect()).toList();
            List<Object> row = new ArrayList<>();
            row.add(s);
            // the verdict is the races' (as in the ranking above it); a steady run's anomalies are marked in
            // its goodput cell and counted in dup/other, but a run over many keys under churn deletes is not
            // a race of the strategy against itself
            row.add(overall(mine.stream().filter(r -> r.config().workload() == WorkloadKind.RACE).toList()).name());
            row.add(race(mine, false));
            row.add(race(mine, true));
            long dup = 0;
            long other = 0;
            for (RunResult r : mine) {
                dup += r.outcomes().getOrDefault(Outcome.DUPLICATE_KEY, 0L);
                other += r.anomalyCount() - r.outcomes().getOrDefault(Outcome.DUPLICATE_KEY, 0L);
            }
            row.add(dup + "/" + other);
            for (String w : workloads.keySet()) {
                List<String> cell = new ArrayList<>();
                for (int t : threads) {
                    cell.add(points.entrySet().stream()
                            .filter(e -> e.getKey().strategy().equals(s) && e.getKey().threads() == t
                                    && w.equals(workload(e.getKey())))
                            .findFirst().map(e -> RunTable.rateShort(e.getValue().goodputMedian())
                                    + (unsafeSteady(mine, e.getKey()) ? "!" : "")
                                    + (e.getValue().failedShareMax() > 0.5 ? "x" : ""))
                            .orElse("-"));
                }
                row.add(String.join(" / ", cell));
            }
            if (sideEffectRaces) {
                row.add(race(all.stream().filter(r -> r.config().conditions().sideEffect()).toList(), false));
            }
            if (noUniqueRaces) {
                row.add(race(all.stream().filter(r -> !r.config().conditions().unique()).toList(), false));
            }
            table.row(row.toArray());
        }
        TargetInfo info = rs.get(0).target();
        StringBuilder heading = new StringBuilder(db.cliName()).append(": ").append(info.product()).append(' ')
                .append(info.version()).append(" (").append(info.provision().cliName()).append(')');
        List<RunResult> races = rs.stream().filter(r -> r.config().workload() == WorkloadKind.RACE).toList();
        if (!races.isEmpty()) {
            Set<Integer> raceThreads = new java.util.TreeSet<>();
            races.forEach(r -> raceThreads.add(r.config().threads()));
            int fewest = races.stream().mapToInt(CompareSummary::rounds).min().orElse(0);
            int most = races.stream().mapToInt(CompareSummary::rounds).max().orElse(0);
            heading.append("; races at ").append(raceThreads.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","))).append(" threads x ")
                    .append(fewest == most ? String.valueOf(most) : fewest + "-" + most).append(" rounds");
        }
        int repeats = points.values().stream().mapToInt(SteadyPoints.Point::runs).max().orElse(1);
        rs.stream().filter(r -> r.config().workload() == WorkloadKind.STEADY).findFirst().ifPresent(r ->
                heading.append("; steady ").append(seconds(r.config().durationSeconds())).append(" after ")
                        .append(seconds(r.config().warmupSeconds())).append(" warm-up"));
        if (!workloads.isEmpty()) {
            heading.append("\n  goodput (successful calls/s")
                    .append(repeats > 1 ? ", median of " + repeats + " runs" : "").append(") at ")
                    .append(threadList).append(" threads per workload: ")
                    .append(String.join("; ", workloadLegend(rs)))
                    .append(" (! = that steady run saw anomalies, e.g. under churn deletes; x = most calls"
                            + " failed)");
        }
        if (!races.isEmpty()) {
            heading.append("\n  verdict = the races' (autocommit and outer-tx); SAFE 0/N <X: no anomaly in N rounds,"
                    + " per-round rate below X at 95 %");
        }
        return new Section(db, heading.toString(), table);
    }

    /** A steady run's workload: its keys, plus " churn P" with churn. */
    static String workload(RunResult r) {
        double c = r.config().conditions().churn();
        return r.config().keys() + (c > 0 ? " churn " + trim(c) : "");
    }

    private static String workload(SteadyPoints.Key k) {
        double c = k.conditions().churn();
        return k.keys() + (c > 0 ? " churn " + trim(c) : "");
    }

    /** The column header of a workload: what it measures. */
    private static String workloadHeader(RunResult r) {
        String w = workload(r);
        return w.contains("churn") ? "get+delete" : w.startsWith("hotset") ? "hit-heavy"
                : w.equals("new") ? "create-heavy" : w;
    }

    private static List<String> workloadLegend(List<RunResult> rs) {
        Map<String, String> m = new java.util.TreeMap<>(CompareSummary::workloadOrder);
        rs.stream().filter(r -> r.config().workload() == WorkloadKind.STEADY)
                .forEach(r -> m.put(workload(r), workloadHeader(r)));
        List<String> out = new ArrayList<>();
        m.forEach((w, h) -> out.add(h.equals(w) ? w : h + " = " + w));
        return out;
    }

    /** hotset first (hit path), then new (create path), then churn (the blog's loop), then the rest. */
    static int workloadOrder(String a, String b) {
        return java.util.Comparator.comparingInt(CompareSummary::workloadRank)
                .thenComparing(java.util.Comparator.<String>naturalOrder()).compare(a, b);
    }

    private static int workloadRank(String w) {
        return w.contains("churn") ? 2 : w.startsWith("hotset") ? 0 : w.equals("new") ? 1 : 3;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean unsafeSteady(List<RunResult> mine, SteadyPoints.Key k) {
        return mine.stream().anyMatch(r -> k.equals(SteadyPoints.Key.of(r)) && r.verdict() == Verdict.UNSAFE);
    }

    /** UNSAFE when any run is, else INCONCLUSIVE when any run is, else SAFE. */
    static Verdict overall(List<RunResult> runs) {
        if (runs.stream().anyMatch(r -> r.verdict() == Verdict.UNSAFE)) {
            return Verdict.UNSAFE;
        }
        return runs.stream().anyMatch(r -> r.verdict() == Verdict.INCONCLUSIVE) ? Verdict.INCONCLUSIVE : Verdict.SAFE;
    }

    /**
     * Over every race of the strategy in autocommit or in an outer transaction: "SAFE 0/1400
     * &lt;0.21%" (rounds pooled over the races, with the 95 % bound on the per-round anomaly rate),
     * "UNSAFE 37/200" (rounds with an anomaly of rounds run), "INCONCLUSIVE 0/52", or "-" when
     * none ran.
     */
    private static String race(List<RunResult> mine, boolean outerTx) {
        List<RunResult> races = mine.stream()
                .filter(r -> r.config().workload() == WorkloadKind.RACE && r.config().conditions().outerTx() == outerTx)
                .toList();
        if (races.isEmpty()) {
            return "-";
        }
        Verdict verdict = overall(races);
        String v = verdict.name();
        if (races.stream().allMatch(r -> r.race() != null)) {
            long bad = races.stream().mapToLong(r -> r.race().roundsWithAnomaly()).sum();
            long rounds = races.stream().mapToLong(r -> r.race().rounds()).sum();
            v += " " + bad + "/" + rounds;
            if (verdict == Verdict.SAFE && rounds > 0) {
                v += " <" + Evidence.percent(Evidence.ofRounds(rounds, 0, 0).upperBound()).replace(" %", "%");
            }
        }
        return races.stream().allMatch(RunResult::complete) ? v : v + " (incomplete)";
    }

    /**
     * One line per run whose grade deserves a reader's eye: a forbidden finding (first, loud) or a
     * declared anomaly that did not show (weak evidence).
     */
    static List<String> gradeNotes(List<RunResult> results) {
        List<String> forbidden = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        for (RunResult r : results) {
            if (r.grading() == null) {
                continue;
            }
            String line = r.target().family().cliName() + " " + r.config().strategy() + " " + RunTable.workload(r)
                    + " " + RunTable.threads(r.config().threads()) + ": "
                    + r.grading().describe(r.evidence() == null ? null : r.evidence().toEvidence());
            if (r.grading().forbidden()) {
                forbidden.add(line);
            } else if (r.grading().grade() == Grade.DECLARED_NOT_SEEN && r.race() != null) {
                // only races: a steady run on many keys races little, its "not seen" says nothing
                weak.add(line);
            }
        }
        List<String> all = new ArrayList<>(forbidden);
        all.addAll(weak);
        return all;
    }

    /** "2s", "1.5s", "0.25s". */
    static String seconds(Double s) {
        if (s == null) {
            return "?";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.2f", s)).stripTrailingZeros().toPlainString()
                + "s";
    }

    /** Rounds a race ran (or was configured with, when it recorded none). */
    private static int rounds(RunResult r) {
        if (r.race() != null) {
            return r.race().rounds();
        }
        return r.config().rounds() == null ? 0 : r.config().rounds();
    }

    /** The terminal form: a heading and a plain table per database. */
    static String plain(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append('\n').append(s.heading()).append('\n').append(s.table().plain());
        }
        return sb.toString();
    }

    /** True when some run showed what its strategy's declaration forbids ({@code --fail-on-anomaly}). */
    static boolean anyForbidden(List<RunResult> results) {
        return results.stream().anyMatch(r -> r.grading() != null && r.grading().forbidden());
    }

    /** The terminal form of {@link #gradeNotes}: nothing when every run graded as declared or undeclared. */
    static String gradesPlain(List<RunResult> results) {
        List<String> notes = gradeNotes(results);
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\ngraded against the declarations:\n");
        notes.forEach(n -> sb.append("  ").append(n).append('\n'));
        return sb.toString();
    }

    /**
     * "first anomaly, postgres naive race outer-tx: DUPLICATE_KEY in round 1 ...": one line per
     * race at {@link ComparePlan#VERDICT_THREADS} threads that saw an anomaly, in run order.
     */
    static List<String> firstAnomalies(List<RunResult> results) {
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            String first = RunTable.firstAnomaly(r);
            if (first != null && r.config().workload() == WorkloadKind.RACE
                    && r.config().threads() == ComparePlan.VERDICT_THREADS) {
                lines.add("first anomaly, " + r.target().family().cliName() + " " + r.config().strategy() + " race"
                        + (r.config().conditions().outerTx() ? " outer-tx" : "")
                        + (r.config().conditions().unique() ? "" : " no-unique")
                        + (r.config().conditions().sideEffect() ? " side-effect" : "") + ": " + first);
            }
        }
        return lines;
    }
}
