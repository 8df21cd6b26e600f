package io.github.gocbench.report;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * The report's cost chart (issue 17): per server, workload (hit-heavy, create-heavy, churn) and
 * condition of the steady runs, grouped bars of what a successful call cost the server, one bar
 * per strategy in its {@link Palette} look, at the highest thread count measured there (repeated
 * runs averaged). Two drawings per group, as their units differ by orders of magnitude: counts
 * (statements, round trips, transaction ids, dead tuples, ids consumed and burned) and bytes (WAL
 * or redo). A figure the server could not give is drawn as no bar, never as 0; its category says
 * "n/a" ("some n/a" when only some strategies lack it) and the
 * chart's note says why.
 */
final class CostChart {

    /** A bar category: its label and the {@link CallCost} figure(s) it sums. */
    record Metric(String label, String figure) {
    }

    static final List<Metric> POSTGRES_COUNTS = List.of(new Metric("statements", "statements"),
            new Metric("round trips", "round_trips"), new Metric("xids ⁂", "xids"),
            new Metric("dead tuples made", "dead_tuples_made"), new Metric("ids consumed", "ids_consumed"),
            new Metric("ids burned", "ids_burned"));
    static final List<Metric> MYSQL_COUNTS = List.of(new Metric("statements", "statements"),
            new Metric("round trips", "round_trips"), new Metric("rows written ⁂", "server_rows_inserted"),
            new Metric("rows updated ⁂", "server_rows_updated"), new Metric("ids consumed", "ids_consumed"),
            new Metric("ids burned", "ids_burned"));
    static final List<Metric> POSTGRES_BYTES = List.of(new Metric("WAL ⁂", "wal_bytes"),
            new Metric("table + index growth", "table_bytes+index_bytes"));
    static final List<Metric> MYSQL_BYTES = List.of(new Metric("redo log ⁂", "redo_bytes"));

    private CostChart() {
    }

    /**
     * The strategies' per-call value of each metric of one chart, and why a value is missing.
     *
     * @param values  strategy → metric label → mean per-call value; a missing entry is unavailable
     * @param reasons metric label → why it is unavailable (for the strategies named), in first-seen order
     */
    record Bars(Map<String, Map<String, Double>> values, Map<String, String> reasons) {

        /** True when no strategy has a value for {@code metric}. */
        boolean allMissing(String metric) {
            return values.values().stream().noneMatch(m -> m.containsKey(metric));
        }

        /** True when some, not all, strategies lack {@code metric}. */
        boolean someMissing(String metric) {
            return !allMissing(metric) && values.values().stream().anyMatch(m -> !m.containsKey(metric));
        }
    }

    /** The per-call figures of {@code runs} (one strategy may have several: averaged where available). */
    static Bars bars(List<RunResult> runs, List<Metric> metrics) {
        Map<String, Map<String, double[]>> sums = new TreeMap<>(Palette.strategyOrder());
        Map<String, Map<String, TreeSet<String>>> why = new LinkedHashMap<>();
        for (RunResult r : runs) {
            Map<String, double[]> s = sums.computeIfAbsent(r.config().strategy(), k -> new LinkedHashMap<>());
            for (Metric m : metrics) {
                String missing = null;
                double sum = 0;
                for (String name : m.figure().split("\\+")) {
                    CallCost.Figure f = r.cost().figure(name);
                    if (f == null || f.perCall() == null) {
                        missing = f == null ? "not recorded"
                                : f.unavailable() != null ? f.unavailable() : "no successful call";
                        break;
                    }
                    sum += f.perCall();
                }
                if (missing == null) {
                    double[] acc = s.computeIfAbsent(m.label(), k -> new double[2]);
                    acc[0] += sum;
                    acc[1]++;
                } else {
                    why.computeIfAbsent(m.label(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(missing, k -> new TreeSet<>(Palette.strategyOrder()))
                            .add(r.config().strategy());
                }
            }
        }
        Map<String, Map<String, Double>> values = new TreeMap<>(Palette.strategyOrder());
        sums.forEach((strategy, byMetric) -> {
            Map<String, Double> v = new LinkedHashMap<>();
            byMetric.forEach((metric, acc) -> v.put(metric, acc[0] / acc[1]));
            values.put(strategy, v);
        });
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Metric m : metrics) {
            Map<String, TreeSet<String>> w = why.get(m.label());
            if (w == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            w.forEach((reason, strategies) -> parts.add(reason + (strategies.size() == values.size() ? ""
                    : " (" + String.join(", ", strategies) + ")")));
            reasons.put(m.label(), String.join("; ", parts));
        }
        return new Bars(values, reasons);
    }

    static List<ChartWriter.Drawing> drawings(List<RunResult> results) {
        Map<RunGroup, List<RunResult>> groups = new TreeMap<>(java.util.Comparator.comparing(RunGroup::server)
                .thenComparing(g -> RunLabels.workloadRank(keys(g), g.condition()))
                .thenComparing(RunGroup::workload).thenComparing(RunGroup::condition));
        for (Map.Entry<RunGroup, List<RunResult>> e : RunGroup.group(results).entrySet()) {
            List<RunResult> withCost = e.getValue().stream().filter(r -> r.cost() != null && r.target() != null)
                    .toList();
            if (!e.getKey().isRace() && !withCost.isEmpty()) {
                groups.put(e.getKey(), withCost);
            }
        }
        List<ChartWriter.Drawing> out = new ArrayList<>();
        for (Map.Entry<RunGroup, List<RunResult>> e : groups.entrySet()) {
            RunGroup g = e.getKey();
            int threads = e.getValue().stream().mapToInt(r -> r.config().threads()).max().getAsInt();
            List<RunResult> atMax = e.getValue().stream().filter(r -> r.config().threads() == threads).toList();
            boolean pg = atMax.get(0).target().family() == DbFamily.POSTGRES;
            for (boolean bytes : new boolean[] {false, true}) {
                List<Metric> metrics = pg ? (bytes ? POSTGRES_BYTES : POSTGRES_COUNTS)
                        : (bytes ? MYSQL_BYTES : MYSQL_COUNTS);
                Bars b = bars(atMax, metrics);
                String id = RunLabels.slug(bytes ? "cost-bytes" : "cost", g.server(), g.workload(), g.condition());
                out.add(new ChartWriter.Drawing(ChartKind.COST, id, draw(g, threads, metrics, b, bytes),
                        (bytes ? "Bytes written" : "Statements, round trips, transaction ids, dead tuples and ids")
                                + " per successful call at " + threads + " threads on " + g.server() + ", "
                                + RunLabels.workload(keys(g), g.condition()) + "; lower is better; ⁂ server-wide."
                                + (b.reasons().isEmpty() ? "" : " Not drawn (unavailable, not 0): "
                                + String.join("; ", b.reasons().entrySet().stream()
                                .map(r -> r.getKey() + ": " + r.getValue()).toList()) + "."),
                        StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
            }
        }
        return out;
    }

    /** The category label of {@code m}: marked {@code n/a} when no strategy (or not every one) has it. */
    static String category(Metric m, Bars b) {
        return m.label() + (b.allMissing(m.label()) ? " (n/a)" : b.someMissing(m.label()) ? " (some n/a)" : "");
    }

    /** One chart: a category per metric, a bar per strategy; unavailable values are absent bars. */
    static JFreeChart draw(RunGroup g, int threads, List<Metric> metrics, Bars b, boolean bytes) {
        String keys = keys(g);
        List<String> categories = metrics.stream().map(m -> category(m, b)).toList();
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            labelOf.put(categories.get(i), metrics.get(i).label());
        }
        JFreeChart chart = StrategyPlots.bars((bytes ? "Bytes per call — " : "Cost per call — ")
                        + RunLabels.withoutProvision(g.server()) + " · " + RunLabels.workload(keys, g.condition()),
                "successful calls at " + threads + (threads == 1 ? " thread" : " threads") + " · "
                        + RunLabels.workloadDetail(keys, g.condition()) + " · ⁂ server-wide · "
                        + g.server().replaceFirst("^.*\\((\\w+)\\)$", "$1") + " · lower is better",
                "", bytes ? "bytes per successful call" : "per successful call (count)",
                new ArrayList<>(b.values().keySet()), categories,
                (s, c) -> b.values().get(s).get(labelOf.get(c)), StrategyPlots.Scale.LINEAR);
        // labels such as "dead tuples made (some n/a)" wrap rather than end in "..."
        ((org.jfree.chart.plot.CategoryPlot) chart.getPlot()).getDomainAxis().setMaximumCategoryLabelLines(4);
        if (!b.reasons().isEmpty()) {
            List<String> lines = new ArrayList<>();
            b.reasons().forEach((metric, why) -> lines.add("n/a, not drawn — " + metric + ": " + why));
            chart.addSubtitle(new TextTitle(String.join("\n", lines), new Font(Font.SANS_SERIF, Font.PLAIN, 12),
                    StrategyPlots.MUTED, RectangleEdge.BOTTOM, HorizontalAlignment.LEFT, VerticalAlignment.CENTER,
                    new RectangleInsets(6, 8, 2, 8)));
        }
        return chart;
    }

    private static String keys(RunGroup g) {
        return g.workload().replaceFirst("^keys ", "");
    }
}
