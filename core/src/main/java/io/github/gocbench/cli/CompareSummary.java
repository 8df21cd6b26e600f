package io.github.gocbench.cli;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.TargetInfo;
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
        Set<String> keys = new LinkedHashSet<>();
        for (RunResult r : rs) {
            strategies.add(r.config().strategy());
            if ("steady".equals(r.config().workload())) {
                threads.add(r.config().threads());
                keys.add(r.config().keys());
            }
        }
        List<String> header = new ArrayList<>(List.of("strategy", "verdict", "race autocommit", "race outer-tx",
                "dup/other"));
        for (int t : threads) {
            header.add(t + (t == 1 ? " thread" : " threads"));
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        int[] rightCols = new int[threads.size() + 1];
        for (int i = 0; i < rightCols.length; i++) {
            rightCols[i] = 4 + i;
        }
        table.right(rightCols);
        for (String s : strategies) {
            List<RunResult> mine = rs.stream().filter(r -> r.config().strategy().equals(s)).toList();
            List<Object> row = new ArrayList<>();
            row.add(s);
            row.add(mine.stream().anyMatch(r -> r.verdict() == Verdict.UNSAFE) ? "UNSAFE" : "SAFE");
            row.add(race(mine, false));
            row.add(race(mine, true));
            long dup = 0;
            long other = 0;
            for (RunResult r : mine) {
                dup += r.outcomes().getOrDefault(Outcome.DUPLICATE_KEY, 0L);
                other += r.anomalyCount() - r.outcomes().getOrDefault(Outcome.DUPLICATE_KEY, 0L);
            }
            row.add(dup + "/" + other);
            for (int t : threads) {
                List<String> cell = new ArrayList<>();
                for (String k : keys) {
                    cell.add(mine.stream()
                            .filter(r -> "steady".equals(r.config().workload()) && r.config().threads() == t
                                    && k.equals(r.config().keys()))
                            .findFirst().map(r -> RunTable.rateShort(r.totals().callsPerSecond())
                                    + (r.verdict() == Verdict.UNSAFE ? "!" : ""))
                            .orElse("-"));
                }
                row.add(String.join(" / ", cell));
            }
            table.row(row.toArray());
        }
        TargetInfo info = rs.get(0).target();
        StringBuilder heading = new StringBuilder(db.cliName()).append(": ").append(info.product()).append(' ')
                .append(info.version()).append(" (").append(info.provision().cliName()).append(')');
        List<RunResult> races = rs.stream().filter(r -> "race".equals(r.config().workload())).toList();
        if (!races.isEmpty()) {
            Set<Integer> raceThreads = new java.util.TreeSet<>();
            races.forEach(r -> raceThreads.add(r.config().threads()));
            int fewest = races.stream().mapToInt(CompareSummary::rounds).min().orElse(0);
            int most = races.stream().mapToInt(CompareSummary::rounds).max().orElse(0);
            heading.append("; races at ").append(raceThreads.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","))).append(" threads x ")
                    .append(fewest == most ? String.valueOf(most) : fewest + "-" + most).append(" rounds");
        }
        rs.stream().filter(r -> "steady".equals(r.config().workload())).findFirst().ifPresent(r ->
                heading.append("; steady ").append(seconds(r.config().durationSeconds())).append(" after ")
                        .append(seconds(r.config().warmupSeconds())).append(" warm-up"));
        if (!keys.isEmpty()) {
            heading.append("; calls/s as ").append(String.join(" / ", keys)).append(" (! = anomalies)");
        }
        return new Section(db, heading.toString(), table);
    }

    /**
     * Over every race of the strategy in autocommit or in an outer transaction: "SAFE", or
     * "UNSAFE 37/200" (rounds with an anomaly of rounds run), or "-" when none ran.
     */
    private static String race(List<RunResult> mine, boolean outerTx) {
        List<RunResult> races = mine.stream()
                .filter(r -> "race".equals(r.config().workload()) && r.config().conditions().outerTx() == outerTx)
                .toList();
        if (races.isEmpty()) {
            return "-";
        }
        boolean unsafe = races.stream().anyMatch(r -> r.verdict() == Verdict.UNSAFE);
        String v = unsafe ? Verdict.UNSAFE.name() : Verdict.SAFE.name();
        if (unsafe && races.stream().allMatch(r -> r.race() != null)) {
            v += " " + races.stream().mapToLong(r -> r.race().roundsWithAnomaly()).sum() + "/"
                    + races.stream().mapToLong(r -> r.race().rounds()).sum();
        }
        return races.stream().allMatch(RunResult::complete) ? v : v + " (incomplete)";
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
}
