package io.github.gocbench.report;

import io.github.gocbench.outcome.Invariant;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.WorkloadKind;
import io.github.gocbench.server.TargetInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code report.md} and {@code report.html}: summary, how to read the report, verdict grid
 * (table and chart), the charts with captions, the environment (servers from
 * {@link TargetInfo}, host from {@link RunResult.HostInfo}) and one row per run. The HTML embeds
 * every chart as a {@code data:} URI so it opens on its own; the Markdown links
 * {@code charts/*.png} and {@code charts/*.svg}. Both are built from the input only (no clock),
 * so drawing the same results twice gives the same files.
 */
final class ReportPage {

    /** First line of report.md; {@link ReportFolder} only replaces files that carry it. */
    static final String MARKER = "<!-- goc-bench report";
    static final String MARKER_LINE = MARKER + ": drawn from saved results; `goc report` re-draws it -->";
    /** Marker in report.html's head. */
    static final String HTML_MARKER = "<meta name=\"generator\" content=\"goc-bench report\">";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Map<Outcome, String> OUTCOME_MEANING = new EnumMap<>(Map.of(
            Outcome.DUPLICATE_KEY, "a unique violation reached the caller (PostgreSQL 23505, MySQL/MariaDB 1062)",
            Outcome.NOT_FOUND_AFTER_CONFLICT, "the strategy lost the insert race, then its re-read saw no row",
            Outcome.SERIALIZATION_FAILURE, "the snapshot could not be kept (PostgreSQL 40001)",
            Outcome.DEADLOCK, "lock cycle (PostgreSQL 40P01, MySQL/MariaDB 1213)",
            Outcome.LOCK_TIMEOUT, "waited too long for a lock (PostgreSQL 55P03, MySQL/MariaDB 1205)",
            Outcome.SNAPSHOT_CONFLICT, "InnoDB snapshot isolation refused a read or write (MariaDB 1020)",
            Outcome.TIMEOUT, "a statement or the call exceeded its bound",
            Outcome.CONNECTION_LOST, "the server or the connection went away",
            Outcome.OTHER, "another error; the results keep its SQLState and message"));
    private static final Map<Invariant, String> INVARIANT_MEANING = new EnumMap<>(Map.of(
            Invariant.DUPLICATE_ROWS, "more than one row for one key (only without the unique constraint)",
            Invariant.DOUBLE_CREATE, "two callers both got CREATED for one key",
            Invariant.ID_MISMATCH, "callers got different ids for one key",
            Invariant.REPEATED_SIDE_EFFECT, "the per-key side effect ran more than once for one row"));

    private final ReportInput input;
    private final VerdictGrid grid;
    private final List<RenderedChart> charts;

    ReportPage(ReportInput input, VerdictGrid grid, List<RenderedChart> charts) {
        this.input = input;
        this.grid = grid;
        this.charts = charts;
    }

    // ------------------------------------------------------------------ Markdown

    String markdown() {
        StringBuilder b = new StringBuilder(MARKER_LINE).append("\n# goc-bench report\n\n");
        b.append(summary()).append("\n\n");
        for (String line : ProvenanceBlock.lines(input.provenance())) {
            b.append("- ").append(line.replace("|", "\\|")).append('\n');
        }
        if (!input.provenance().isEmpty()) {
            b.append('\n');
        }
        List<Recommendation> recs = Recommendation.of(input.runs());
        if (!recs.isEmpty()) {
            b.append("## Which strategy?\n\n").append(RECOMMENDATION_INTRO).append("\n\n")
                    .append(Recommendation.markdown(recs));
        }
        b.append("## How to read this\n\n").append(howToRead()).append("\n\n");
        String measured = measured();
        if (!measured.isEmpty()) {
            b.append("## How it was measured\n\n").append(measured).append("\n\n");
        }
        if (!input.runs().isEmpty()) {
            b.append("## Verdict\n\n").append(grid.toMarkdown()).append('\n');
            if (grid.anyIncomplete()) {
                b.append("\\* a run in this cell was cut short (deadline, server lost); see its note in the results.\n\n");
            }
            glossary().forEach((k, v) -> b.append("- `").append(k).append("`: ").append(v).append('\n'));
            b.append('\n');
            b.append(ExplainLinks.markdown(input.runs())); // issue 18
        }
        for (ChartKind kind : ChartKind.values()) {
            List<RenderedChart> ofKind = charts.stream().filter(c -> c.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            if (kind != ChartKind.VERDICT) {
                b.append("## ").append(heading(kind)).append("\n\n");
            }
            for (RenderedChart c : ofKind) {
                String png = "charts/" + c.png().getFileName();
                String svg = "charts/" + c.svg().getFileName();
                b.append("![").append(c.title()).append("](").append(png).append(")\n\n*").append(c.caption())
                        .append("* ([SVG](").append(svg).append("))\n\n");
            }
        }
        b.append(CostTable.markdown(input.runs())); // issue 17
        b.append(TimelineSection.markdown(input.runs())); // issue 18
        b.append("## Environment\n\n");
        hosts().forEach(h -> b.append("- host: ").append(h).append('\n'));
        if (!input.sources().isEmpty()) {
            b.append("- drawn from: ").append(dataFiles().stream().map(n -> "[`" + n + "`](" + n + ")")
                    .collect(Collectors.joining(", "))).append('\n');
        }
        b.append('\n');
        List<TargetInfo> servers = servers();
        if (!servers.isEmpty()) {
            b.append("| server | product | version | provision | URL | settings |\n|---|---|---|---|---|---|\n");
            for (TargetInfo t : servers) {
                b.append("| ").append(md(RunLabels.server(t))).append(" | ").append(md(t.product())).append(" | ")
                        .append(md(t.version())).append(" | ")
                        .append(t.provision() == null ? "" : t.provision().cliName()).append(" | `")
                        .append(md(t.url())).append("` | ").append(md(settings(t))).append(" |\n");
            }
            b.append('\n');
        }
        if (!input.runs().isEmpty()) {
            b.append("## Runs\n\n| server | strategy | workload | threads | condition | calls | goodput/s "
                    + "| attempts/s | failed/s | p50 µs | p99 µs | p99.9 µs | failed p50 / p99 µs | verdict |\n"
                    + "|---|---|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
            for (RunResult r : sortedRuns()) {
                List<String> row = runRow(r);
                b.append("| ").append(row.stream().map(ReportPage::md).collect(Collectors.joining(" | "))).append(" |\n");
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ HTML

    String html() throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(HTML_MARKER).append('\n')
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>goc-bench report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<main>\n<h1>goc-bench report</h1>\n<p class=\"summary\">").append(Html.escape(summary()))
                .append("</p>\n").append(provenanceHtml()).append(recommendationHtml()).append("<h2>How to read this</h2>\n<p>").append(mdInlineToHtml(howToRead())).append("</p>\n");
        String measured = measured();
        if (!measured.isEmpty()) {
            b.append("<h2>How it was measured</h2>\n<p>").append(mdInlineToHtml(measured)).append("</p>\n");
        }
        if (!input.runs().isEmpty()) {
            b.append("<h2>Verdict</h2>\n<div class=\"scroll\">").append(grid.toHtml()).append("</div>\n");
            if (grid.anyIncomplete()) {
                b.append("<p class=\"note\">* a run in this cell was cut short (deadline, server lost); "
                        + "see its note in the results.</p>\n");
            }
            b.append(ExplainLinks.html(input.runs())); // issue 18
            b.append("<dl class=\"glossary\">\n");
            glossary().forEach((k, v) -> b.append("<dt><code>").append(Html.escape(k)).append("</code></dt><dd>")
                    .append(Html.escape(v)).append("</dd>\n"));
            b.append("</dl>\n");
        }
        for (ChartKind kind : ChartKind.values()) {
            List<RenderedChart> ofKind = charts.stream().filter(c -> c.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            if (kind != ChartKind.VERDICT) {
                b.append("<h2>").append(Html.escape(heading(kind))).append("</h2>\n");
            }
            for (RenderedChart c : ofKind) {
                // SVG, so the charts stay crisp at any zoom; as an image, so the SVGs' own ids cannot clash
                String data = Base64.getEncoder().encodeToString(Files.readAllBytes(c.svg()));
                b.append("<figure id=\"").append(Html.escape(c.id())).append("\">\n<img src=\"data:image/svg+xml;base64,")
                        .append(data).append("\" width=\"").append(c.width()).append("\" height=\"")
                        .append(c.height()).append("\" alt=\"").append(Html.escape(c.title())).append("\">\n")
                        .append("<figcaption>").append(Html.escape(c.caption())).append(" (<a href=\"charts/")
                        .append(Html.escape(c.svg().getFileName().toString())).append("\">SVG</a>, <a href=\"charts/")
                        .append(Html.escape(c.png().getFileName().toString())).append("\">PNG</a>)</figcaption>\n</figure>\n");
            }
        }
        b.append(CostTable.html(input.runs())); // issue 17
        b.append(TimelineSection.html(input.runs())); // issue 18
        b.append("<h2>Environment</h2>\n<ul>\n");
        hosts().forEach(h -> b.append("<li>host: ").append(Html.escape(h)).append("</li>\n"));
        if (!input.sources().isEmpty()) {
            b.append("<li>drawn from: ").append(dataFiles().stream()
                    .map(n -> "<a href=\"" + Html.escape(n) + "\"><code>" + Html.escape(n) + "</code></a>")
                    .collect(Collectors.joining(", "))).append("</li>\n");
        }
        b.append("</ul>\n");
        List<TargetInfo> servers = servers();
        if (!servers.isEmpty()) {
            b.append("<div class=\"scroll\"><table>\n<thead><tr><th>server</th><th>product</th><th>version</th>"
                    + "<th>provision</th><th>URL</th><th>settings</th></tr></thead>\n<tbody>\n");
            for (TargetInfo t : servers) {
                b.append("<tr><td>").append(Html.escape(RunLabels.server(t))).append("</td><td>")
                        .append(Html.escape(t.product())).append("</td><td>").append(Html.escape(t.version()))
                        .append("</td><td>").append(t.provision() == null ? "" : t.provision().cliName())
                        .append("</td><td><code>").append(Html.escape(t.url())).append("</code></td><td>")
                        .append(Html.escape(settings(t))).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        if (!input.runs().isEmpty()) {
            b.append("<h2>Runs</h2>\n<div class=\"scroll\"><table class=\"runs\">\n<thead><tr>");
            for (String h : List.of("server", "strategy", "workload", "threads", "condition", "calls", "goodput/s",
                    "attempts/s", "failed/s", "p50 µs", "p99 µs", "p99.9 µs", "failed p50 / p99 µs", "verdict")) {
                b.append("<th>").append(Html.escape(h)).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (RunResult r : sortedRuns()) {
                b.append("<tr>");
                for (String cell : runRow(r)) {
                    b.append("<td>").append(Html.escape(cell.replace("`", ""))).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table></div>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #222;
                   background: #fff; margin: 0; line-height: 1.45; }
            main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
            h1 { font-size: 1.8em; margin: 0.2em 0 0.3em; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            .summary { color: #555; }
            figure { margin: 18px 0 28px; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            figure.swimlane { overflow-x: auto; }
            figcaption { color: #555; font-size: 0.92em; margin-top: 6px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 0.92em; margin: 8px 0 12px; }
            th, td { border: 1px solid #ddd; padding: 4px 9px; text-align: left; vertical-align: top; }
            thead th { background: #f5f5f5; }
            table.verdict td { text-align: center; min-width: 9em; }
            table.verdict tbody th, table.runs td:nth-child(2) { white-space: nowrap; }
            table.verdict td.safe { background: #CCECE3; font-weight: bold; font-size: 1.1em; }
            table.verdict td.unsafe { background: #F7D4BC; }
            table.verdict td.none { background: #F2F2F2; color: #777; }
            table.runs td { white-space: nowrap; padding: 2px 8px; }
            table.runs td:last-child { white-space: normal; }
            table.runs td:nth-child(4), table.runs td:nth-child(n+6):nth-child(-n+10) { text-align: right; }
            .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em;
                      border-radius: 2px; vertical-align: baseline; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.95em; }
            dl.glossary { display: grid; grid-template-columns: max-content auto; gap: 2px 14px; font-size: 0.92em; }
            dl.glossary dd { margin: 0; color: #444; }
            .note { color: #555; font-size: 0.92em; }
            """;

    // ------------------------------------------------------------------ shared content

    private static final String RECOMMENDATION_INTRO = "Per server and situation (autocommit, or inside an "
            + "already-open transaction at the server's default isolation, marked ★), the strategies whose races "
            + "showed no anomaly, ranked by goodput (successful calls/s, median of the repeated steady runs at the "
            + "most threads measured; `hotset` = the row exists, `new` = it is missing; an outer-tx situation "
            + "without steady runs of its own is ranked by the autocommit ones). SAFE means not seen: the bound is "
            + "the 95 % upper limit on the per-round anomaly rate. Below each table, the UNSAFE strategies and what "
            + "they broke.";

    private String recommendationHtml() {
        List<Recommendation> recs = Recommendation.of(input.runs());
        if (recs.isEmpty()) {
            return "";
        }
        return "<h2>Which strategy?</h2>\n<p>" + mdInlineToHtml(RECOMMENDATION_INTRO) + "</p>\n"
                + "<div class=\"scroll\">" + Recommendation.html(recs) + "</div>\n";
    }

    private String summary() {
        StringBuilder b = new StringBuilder();
        List<RunResult> runs = input.runs();
        if (!runs.isEmpty()) {
            long race = runs.stream().filter(r -> r.config() != null && r.config().workload() == WorkloadKind.RACE).count();
            b.append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(" (").append(race)
                    .append(" race, ").append(runs.size() - race).append(" steady)");
            String servers = runs.stream().map(r -> RunLabels.server(r.target())).distinct().sorted()
                    .collect(Collectors.joining(", "));
            b.append(" on ").append(servers);
            List<Instant> times = runs.stream().map(RunResult::time).filter(Objects::nonNull).sorted().toList();
            if (!times.isEmpty()) {
                b.append(", ").append(TIME.format(times.get(0)));
                if (!times.get(times.size() - 1).equals(times.get(0))) {
                    b.append(" – ").append(TIME.format(times.get(times.size() - 1)));
                }
            }
            String versions = runs.stream().map(RunResult::toolVersion).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(", "));
            if (!versions.isEmpty()) {
                b.append(", goc-bench ").append(versions);
            }
            b.append('.');
        }
        if (!input.benchmarks().isEmpty()) {
            b.append(b.length() > 0 ? " " : "").append(input.benchmarks().size())
                    .append(" JMH throughput results.");
        }
        return b.toString();
    }

    private static String howToRead() {
        return "Each strategy is one way of writing get-or-create (`goc strategies` lists them). "
                + "**Race** runs release all threads at the same instant on a fresh key, round after round, to "
                + "provoke anomalies; **steady** runs let the threads run freely over a key distribution "
                + "(`hot` = one key, `hotset:K` = K keys, `new` = always missing) to measure speed. "
                + "The verdict grid shows, per strategy and condition (`autocommit`, or `outer-tx`: inside an "
                + "already-open transaction), ✓ when no run saw an anomaly, else the short names of what was seen "
                + "(listed below it). ✓ means *not seen in these runs*, not proven safe; any anomaly is a real "
                + "failure, however rare. The anomaly charts show how often it happens as threads grow. Throughput "
                + "is goodput (successful calls, CREATED + FOUND, per second; higher is better; failed calls are "
                + "not throughput, so a point where every call failed sits at the bottom as a cross; attempts/s and failed/s are in the Runs table) and latency (p50, p99, p99.9 in µs of the successful calls on a log axis, lower is better; failed calls have their own percentiles in the Runs table) "
                + "only matter among strategies that are ✓ under your conditions. A strategy keeps its colour and "
                + "marker in every chart; strategies a race showed UNSAFE are drawn dashed with hollow markers and "
                + "marked \"(UNSAFE)\" in the legend; no other line is dashed. An axis marked \"log scale\" spans a "
                + "wide range, so equal steps are equal ratios. Sibling charts share one value axis (all goodput "
                + "charts, all latency charts, all race anomaly charts, the steady anomaly charts of one workload), so "
                + "they compare by eye; an anomaly rate too small to see on that axis is written beside its point. "
                + "Every bar carries its value; a measured zero is a thin stub labelled 0, a value not measured has "
                + "no bar.";
    }

    /** The names of the input files, and of a results.csv written beside a results.json. */
    private List<String> dataFiles() {
        List<String> names = new ArrayList<>();
        for (Path p : input.sources()) {
            names.add(p.getFileName().toString());
            Path csv = p.resolveSibling(p.getFileName().toString().replaceFirst("\\.json$", ".csv"));
            if (p.toString().endsWith(".json") && Files.isRegularFile(csv) && !names.contains(csv.getFileName().toString())) {
                names.add(csv.getFileName().toString());
            }
        }
        return names;
    }

    /**
     * How the runs were measured: the steady workloads, run length, warm-up and repetitions, and
     * what the step from 1 to 2 threads means on a machine this small. Empty without steady runs.
     */
    String measured() {
        List<RunResult> steady = input.runs().stream().filter(r -> r.config() != null
                && r.config().workload() == WorkloadKind.STEADY).toList();
        List<String> parts = new ArrayList<>();
        if (!steady.isEmpty()) {
            Set<String> workloads = new java.util.TreeSet<>();
            for (RunResult r : steady) {
                String keys = r.config().keys() == null ? "-" : r.config().keys();
                String condition = RunLabels.condition(r.config());
                String kind = RunLabels.kind(keys, condition);
                workloads.add(RunLabels.workloadRank(keys, condition) + "`" + keys + "`"
                        + (r.config().conditions().churn() > 0 ? " with churn "
                        + RunLabels.trim(r.config().conditions().churn()) : "") + (kind.isEmpty() ? "" : " (" + kind + ")"));
            }
            parts.add("Steady runs: " + String.join(", ", workloads.stream().map(w -> w.substring(1)).toList())
                    + "; each point is the " + Report.steadyNote(steady) + " (the chart's error bar spans the "
                    + "least and the most of the runs). `hotset:1000`: the row almost always exists (the hit path); "
                    + "`new`: it never does (the create path); `hot` with churn 1: every call deletes the row after "
                    + "getting it, so callers race to re-create one key, as in the seed blog's experiment.");
            int cores = steady.stream().filter(r -> r.host() != null).mapToInt(r -> r.host().cores()).max().orElse(0);
            boolean oneAndTwo = steady.stream().anyMatch(r -> r.config().threads() == 1)
                    && steady.stream().anyMatch(r -> r.config().threads() >= 2);
            if (oneAndTwo && cores > 0 && cores <= 4) {
                parts.add("This machine has " + cores + " cores, and the server runs on the same machine: with one "
                        + "thread, each call waits for a round trip in which client and server hand the CPU to each "
                        + "other, so a second thread often more than doubles goodput (pgbench -S shows the same step "
                        + "on such a machine); past " + cores + " threads the threads only share the cores. Compare "
                        + "strategies at the same thread count, not the steps between counts.");
            }
        }
        return String.join(" ", parts);
    }

    /** Meanings of the anomaly short names that occur in the grid, in declaration order. */
    private Map<String, String> glossary() {
        Set<String> used = new LinkedHashSet<>();
        for (String s : grid.strategies()) {
            for (VerdictGrid.Column c : grid.columns()) {
                used.addAll(grid.cell(s, c).anomalies());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        OUTCOME_MEANING.forEach((o, m) -> {
            if (used.contains(o.shortName())) {
                out.put(o.shortName(), m);
            }
        });
        INVARIANT_MEANING.forEach((i, m) -> {
            if (used.contains(i.shortName())) {
                out.put(i.shortName(), m);
            }
        });
        if (used.contains("unsafe")) {
            out.put("unsafe", "the run's verdict is UNSAFE but it counted no specific anomaly");
        }
        return out;
    }

    private static String heading(ChartKind kind) {
        return switch (kind) {
            case VERDICT -> "Verdict";
            case ANOMALY -> "Anomaly rate";
            case THROUGHPUT -> "Throughput";
            case LATENCY -> "Latency";
            case COST -> "Cost per call (charts)";
        };
    }

    private String provenanceHtml() {
        List<String> lines = ProvenanceBlock.lines(input.provenance());
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<ul class=\"provenance\">\n");
        lines.forEach(l -> b.append("<li>").append(mdInlineToHtml(l)).append("</li>\n"));
        return b.append("</ul>\n").toString();
    }

    private List<String> hosts() {
        return input.runs().stream().map(RunResult::host).filter(Objects::nonNull)
                .map(h -> h.cores() + " cores · " + h.jvm() + " · " + h.os()).distinct().toList();
    }

    private List<TargetInfo> servers() {
        Map<String, TargetInfo> m = new LinkedHashMap<>();
        input.runs().stream().map(RunResult::target).filter(Objects::nonNull)
                .sorted(Comparator.comparing(RunLabels::server))
                .forEach(t -> m.putIfAbsent(RunLabels.server(t) + "|" + t.url() + "|" + t.settings(), t));
        return new ArrayList<>(m.values());
    }

    private static String settings(TargetInfo t) {
        if (t.settings() == null || t.settings().isEmpty()) {
            return "";
        }
        return t.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private List<RunResult> sortedRuns() {
        return input.runs().stream().filter(r -> r.config() != null)
                .sorted(Comparator.comparing((RunResult r) -> RunLabels.server(r.target()))
                        .thenComparing(r -> r.config().workload(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(r -> String.valueOf(r.config().keys()))
                        .thenComparing(r -> RunLabels.condition(r.config()))
                        .thenComparing(r -> r.config().strategy(), Palette.strategyOrder())
                        .thenComparingInt(r -> r.config().threads()))
                .toList();
    }

    private static List<String> runRow(RunResult r) {
        RunResult.ConfigInfo c = r.config();
        String workload = c.workload() == WorkloadKind.RACE
                ? c.workload().id() + (c.rounds() == null ? "" : " ×" + c.rounds())
                : c.workload().id() + (c.keys() == null ? "" : " " + c.keys());
        RunResult.Latency l = r.latencyMicros();
        RunResult.Latency f = r.failedLatencyMicros();
        List<String> anomalies = VerdictGrid.anomalies(r);
        String verdict = anomalies.isEmpty() ? "SAFE" : "UNSAFE: " + String.join(", ", anomalies);
        if (!r.complete()) {
            verdict += " (incomplete" + (r.note() == null ? "" : ": " + r.note()) + ")";
        }
        return List.of(RunLabels.withoutProvision(RunLabels.server(r.target())), "`" + c.strategy() + "`", workload,
                Integer.toString(c.threads()), RunLabels.condition(c),
                r.totals() == null ? "" : String.format(Locale.ROOT, "%,d", r.totals().calls()),
                r.totals() == null ? "" : String.format(Locale.ROOT, "%,.0f", r.totals().goodput()),
                r.totals() == null ? "" : String.format(Locale.ROOT, "%,.0f", r.totals().callsPerSecond()),
                r.totals() == null ? "" : String.format(Locale.ROOT, "%,.0f", r.totals().failureRate()),
                l == null ? "" : micros(l.p50()), l == null ? "" : micros(l.p99()), l == null ? "" : micros(l.p999()),
                f == null ? "" : micros(f.p50()) + " / " + micros(f.p99()), verdict);
    }

    private static String micros(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** The how-to-read text uses only `code` and **bold**; render those two. */
    private static String mdInlineToHtml(String s) {
        String h = Html.escape(s);
        h = h.replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
        h = h.replaceAll("\\*([^*]+)\\*", "<em>$1</em>");
        return h.replaceAll("`([^`]+)`", "<code>$1</code>");
    }
}
