package io.github.gocbench.report;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's "Cost per call" section (issue 17): per server family, one row per run that
 * carries cost figures, grouped by workload (keys and condition), each cell a figure per
 * successful call. Unavailable figures show as {@code n/a} (the JSON says why), approximate
 * runs are marked {@code ≈}.
 */
final class CostTable {

    /** A column: header and the figure it shows. */
    record Column(String header, String figure) {
    }

    static final List<Column> POSTGRES = List.of(new Column("statements", "statements"),
            new Column("round trips", "round_trips"), new Column("WAL bytes ⁂", "wal_bytes"),
            new Column("xids ⁂", "xids"), new Column("tuples ins", "tuples_inserted"),
            new Column("tuples upd", "tuples_updated"), new Column("dead tuples made", "dead_tuples_made"),
            new Column("n_dead_tup Δ", "dead_tuples"), new Column("table+index bytes", "table_bytes+index_bytes"),
            new Column("ids used", "ids_consumed"), new Column("ids burned", "ids_burned"),
            new Column("retries", "retries"));
    static final List<Column> MYSQL = List.of(new Column("statements", "statements"),
            new Column("round trips", "round_trips"), new Column("redo bytes ⁂", "redo_bytes"),
            new Column("rows written ⁂", "server_rows_inserted"), new Column("rows updated ⁂", "server_rows_updated"),
            new Column("lock waits ⁂", "row_lock_waits"), new Column("deadlocks ⁂", "deadlocks"),
            new Column("ids used", "ids_consumed"), new Column("ids burned", "ids_burned"),
            new Column("retries", "retries"));

    static final String INTRO = "Per successful call, measured by the server itself before and after the measured"
            + " window (steady runs) or the whole run (races), and on the client's socket (statements, round"
            + " trips). ⁂ marks server-wide counters: any other client's work on the server during the window is in"
            + " them, and a run that saw other sessions active is marked ≈ (approximate). `ids burned` are identity"
            + " / AUTO_INCREMENT values consumed beyond the rows that now exist; `dead tuples made` are row"
            + " versions left dead (updates, deletes, inserts that did not commit), `n_dead_tup Δ` what"
            + " pg_stat_user_tables shows after on-access pruning. n/a: the server could not say (see the JSON).";

    private CostTable() {
    }

    private static List<RunResult> withCost(List<RunResult> runs, boolean postgres) {
        return runs.stream().filter(r -> r.cost() != null && r.target() != null
                        && (r.target().family() == DbFamily.POSTGRES) == postgres)
                .sorted(Comparator.comparing((RunResult r) -> RunLabels.server(r.target()))
                        .thenComparing(r -> r.config().workload())
                        .thenComparing(r -> String.valueOf(r.config().keys()))
                        .thenComparing(r -> RunLabels.condition(r.config()))
                        .thenComparing(r -> r.config().strategy())
                        .thenComparingInt(r -> r.config().threads()))
                .toList();
    }

    /** The section as Markdown, or "" when no run carries cost figures. */
    static String markdown(List<RunResult> runs) {
        StringBuilder b = new StringBuilder();
        for (boolean pg : new boolean[] {true, false}) {
            List<RunResult> rs = withCost(runs, pg);
            if (rs.isEmpty()) {
                continue;
            }
            List<Column> cols = pg ? POSTGRES : MYSQL;
            b.append("### ").append(pg ? "PostgreSQL" : "MySQL / MariaDB").append("\n\n| server | workload | strategy"
                    + " | threads | condition | calls |");
            cols.forEach(c -> b.append(' ').append(c.header()).append(" |"));
            b.append("\n|---|---|---|--:|---|--:|").append("--:|".repeat(cols.size())).append('\n');
            for (RunResult r : rs) {
                b.append("| ").append(String.join(" | ", cells(r, cols))).append(" |\n");
            }
            b.append('\n');
        }
        if (b.length() == 0) {
            return "";
        }
        return "## Cost per call\n\n" + INTRO + "\n\n" + b + retries(runs);
    }

    /** The section as HTML, or "" when no run carries cost figures. */
    static String html(List<RunResult> runs) {
        StringBuilder b = new StringBuilder();
        for (boolean pg : new boolean[] {true, false}) {
            List<RunResult> rs = withCost(runs, pg);
            if (rs.isEmpty()) {
                continue;
            }
            List<Column> cols = pg ? POSTGRES : MYSQL;
            b.append("<h3>").append(pg ? "PostgreSQL" : "MySQL / MariaDB").append("</h3>\n<div class=\"scroll\">"
                    + "<table class=\"runs\">\n<thead><tr>");
            List<String> heads = new ArrayList<>(List.of("server", "workload", "strategy", "threads", "condition",
                    "calls"));
            cols.forEach(c -> heads.add(c.header()));
            heads.forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
            b.append("</tr></thead>\n<tbody>\n");
            for (RunResult r : rs) {
                b.append("<tr>");
                cells(r, cols).forEach(c -> b.append("<td>").append(Html.escape(c)).append("</td>"));
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        if (b.length() == 0) {
            return "";
        }
        return "<h2>Cost per call</h2>\n<p>" + Html.escape(INTRO.replace("`", "")) + "</p>\n" + b;
    }

    private static List<String> cells(RunResult r, List<Column> cols) {
        CallCost c = r.cost();
        List<String> row = new ArrayList<>();
        row.add(RunLabels.server(r.target()));
        row.add(r.config().workload().id() + (r.config().keys() == null ? "" : " " + r.config().keys()));
        row.add(r.config().strategy());
        row.add(Integer.toString(r.config().threads()));
        row.add(RunLabels.condition(r.config()));
        row.add((c.approximate() ? "≈ " : "") + c.successfulCalls());
        for (Column col : cols) {
            row.add(value(c, col.figure()));
        }
        return row;
    }

    /** A figure per call, or a sum of figures ({@code a+b}), formatted; {@code n/a} when unavailable. */
    static String value(CallCost c, String figure) {
        double sum = 0;
        for (String name : figure.split("\\+")) {
            CallCost.Figure f = c.figure(name);
            if (f == null || f.perCall() == null) {
                return f == null ? "" : "n/a";
            }
            sum += f.perCall();
        }
        return number(sum);
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 0.995) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Successful calls by the retries they needed, for runs where any call retried. */
    private static String retries(List<RunResult> runs) {
        List<RunResult> retried = runs.stream().filter(r -> r.cost() != null && r.cost().retriesHistogram() != null
                && r.cost().retriesHistogram().keySet().stream().anyMatch(k -> !k.equals("0"))).toList();
        if (retried.isEmpty()) {
            return "No successful call needed a retry.\n\n";
        }
        StringBuilder b = new StringBuilder("Retries per successful call (calls by retries needed; 16 = 16 or"
                + " more):\n\n");
        for (RunResult r : retried) {
            Map<String, Long> h = r.cost().retriesHistogram();
            b.append("- ").append(RunLabels.server(r.target())).append(' ').append(r.config().strategy()).append(' ')
                    .append(r.config().workload().id()).append(r.config().keys() == null ? "" : " " + r.config().keys())
                    .append(", ").append(r.config().threads()).append(" threads: ")
                    .append(h.entrySet().stream().sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return b.append('\n').toString();
    }
}
