package io.github.gocbench.cli;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.target.DbFamily;
import io.github.gocbench.target.TargetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables {@code goc compare} prints and writes to {@code summary.md}: per database, one row per
 * strategy with its overall verdict, the race verdicts in autocommit and inside an outer
 * transaction, duplicate-key versus other anomalies, and calls/s at each thread count for the
 * hot and hot-set key choices. Built from results only, so saved runs can be summarised again.
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
                            .findFirst().map(r -> ResultReport.rateShort(r.totals().callsPerSecond())
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
        rs.stream().filter(r -> "race".equals(r.config().workload())).findFirst().ifPresent(r ->
                heading.append("; race ").append(r.config().threads()).append(" threads x ")
                        .append(r.config().rounds()).append(" rounds"));
        rs.stream().filter(r -> "steady".equals(r.config().workload())).findFirst().ifPresent(r ->
                heading.append(String.format(Locale.ROOT, "; steady %.0fs after %.0fs warm-up", r.config().durationSeconds(),
                        r.config().warmupSeconds())));
        if (!keys.isEmpty()) {
            heading.append("; calls/s as ").append(String.join(" / ", keys)).append(" (! = anomalies)");
        }
        return new Section(db, heading.toString(), table);
    }

    /** "SAFE", or "UNSAFE 37/200" (rounds with an anomaly), or "-" when not run. */
    private static String race(List<RunResult> mine, boolean outerTx) {
        return mine.stream()
                .filter(r -> "race".equals(r.config().workload()) && r.config().outerTx() == outerTx)
                .findFirst()
                .map(r -> {
                    String v = r.verdict() == null ? "?" : r.verdict().name();
                    if (r.race() != null && r.verdict() == Verdict.UNSAFE) {
                        v += " " + r.race().roundsWithAnomaly() + "/" + r.race().rounds();
                    }
                    return r.complete() ? v : v + " (incomplete)";
                })
                .orElse("-");
    }

    /** The terminal form: a heading and a plain table per database. */
    static String plain(List<Section> sections) {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            sb.append('\n').append(s.heading()).append('\n').append(s.table().plain());
        }
        return sb.toString();
    }

    /** The Markdown form for summary.md. */
    static String markdown(List<Section> sections, String intro, List<String> unavailable) {
        StringBuilder sb = new StringBuilder("# goc compare\n\n").append(intro).append("\n\n");
        sb.append("Columns: *verdict* is SAFE when no run of the strategy saw an anomaly; *race* columns give the")
                .append(" race verdict in autocommit and inside an outer transaction, with rounds that saw an")
                .append(" anomaly; *dup/other* counts DUPLICATE_KEY calls and all other anomalies; thread columns")
                .append(" give calls/s of the steady runs.\n");
        for (Section s : sections) {
            sb.append("\n## ").append(s.db().cliName()).append("\n\n").append(s.heading()).append("\n\n")
                    .append(s.table().markdown());
        }
        for (String u : unavailable) {
            sb.append("\nUnavailable: ").append(u).append('\n');
        }
        return sb.toString();
    }
}
