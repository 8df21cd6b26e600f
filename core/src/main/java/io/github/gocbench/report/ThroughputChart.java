package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import io.github.gocbench.results.SteadyPoints;
import io.github.gocbench.results.WorkloadKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * Goodput (successful calls/s: CREATED + FOUND) against threads, one line per strategy, one chart
 * per server, workload and condition, always on a log axis so sibling charts read alike. Repeated
 * runs of one point are drawn as their median with a min-max error bar; strategies a race showed
 * UNSAFE are dashed and hollow, "(UNSAFE)" in the legend; a point where most calls failed is a
 * cross.
 */
public final class ThroughputChart {

    private ThroughputChart() {
    }

    /** Which points share one chart. */
    record Group(String server, String keys, String condition) {
    }

    /** The throughput points of the steady runs among {@code results} (race runs measure anomalies, not speed). */
    public static List<ThroughputPoint> points(List<RunResult> results) {
        List<ThroughputPoint> points = new ArrayList<>();
        for (RunResult r : results) {
            if (r.config() == null || r.totals() == null || r.config().workload() != WorkloadKind.STEADY) {
                continue;
            }
            double g = r.totals().goodput();
            points.add(new ThroughputPoint(RunLabels.server(r.target()), keys(r.config().keys()),
                    RunLabels.condition(r.config()), r.config().strategy(), r.config().threads(),
                    g, g, g, r.totals().failedShare() > 0.5));
        }
        return points;
    }

    /** As {@link #drawings(List, String, String, Map, String)} with no strategy marked UNSAFE. */
    static List<ChartWriter.Drawing> drawings(List<ThroughputPoint> points, String idPrefix, String titlePrefix) {
        return drawings(points, idPrefix, titlePrefix, Map.of(), "");
    }

    /**
     * One drawing per server, key distribution and condition, in a stable order.
     *
     * @param unsafe  per server label, the strategies to draw as UNSAFE
     * @param runNote how the points were measured, e.g. "median of 3 runs of 1 s after 0.25 s warm-up"
     */
    static List<ChartWriter.Drawing> drawings(List<ThroughputPoint> points, String idPrefix, String titlePrefix,
                                              Map<String, Set<String>> unsafe, String runNote) {
        Map<Group, List<ThroughputPoint>> groups = points.stream().collect(Collectors.groupingBy(
                p -> new Group(p.server(), p.keys(), p.condition()), LinkedHashMap::new, Collectors.toList()));
        // one log axis for all charts drawn together, so that their lines compare by eye
        StrategyPlots.YRange range = StrategyPlots.spreadRange(
                groups.values().stream().map(ThroughputChart::spreads).toList());
        List<ChartWriter.Drawing> out = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Group::server)
                        .thenComparing(g -> RunLabels.workloadRank(g.keys(), g.condition()))
                        .thenComparing(Group::keys).thenComparing(Group::condition)))
                .forEach(e -> {
                    Group g = e.getKey();
                    JFreeChart chart = draw(titlePrefix, g, e.getValue(), unsafe.getOrDefault(g.server(), Set.of()),
                            runNote, range);
                    String id = RunLabels.slug(idPrefix, g.server(), g.keys(), g.condition());
                    out.add(new ChartWriter.Drawing(ChartKind.THROUGHPUT, id, chart,
                            titlePrefix + " (successful calls per second) against threads on " + g.server() + ", "
                                    + RunLabels.workload(g.keys(), g.condition())
                                    + "; higher is better (all " + titlePrefix + " charts share one axis).",
                            StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
                });
        return out;
    }

    /** Per strategy and thread count the median, least and most of {@code points}. */
    static Map<String, SortedMap<Integer, StrategyPlots.Spread>> spreads(List<ThroughputPoint> points) {
        Map<String, Map<Integer, List<ThroughputPoint>>> byStrategy = new TreeMap<>();
        for (ThroughputPoint p : points) {
            byStrategy.computeIfAbsent(p.strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(p.threads(), t -> new ArrayList<>()).add(p);
        }
        Map<String, SortedMap<Integer, StrategyPlots.Spread>> series = new TreeMap<>();
        for (var e : byStrategy.entrySet()) {
            SortedMap<Integer, StrategyPlots.Spread> m = new TreeMap<>();
            for (var t : e.getValue().entrySet()) {
                List<ThroughputPoint> ps = t.getValue();
                double median = SteadyPoints.median(ps.stream().mapToDouble(ThroughputPoint::callsPerSecond).toArray());
                double low = ps.stream().mapToDouble(ThroughputPoint::low).min().orElse(median);
                double high = ps.stream().mapToDouble(ThroughputPoint::high).max().orElse(median);
                long bad = ps.stream().filter(ThroughputPoint::mostlyFailed).count();
                m.put(t.getKey(), new StrategyPlots.Spread(median, low, high, bad * 2 > ps.size()));
            }
            series.put(e.getKey(), m);
        }
        return series;
    }

    /** As {@link #draw(String, Group, List, Set, String, StrategyPlots.YRange)} on an axis of its own. */
    static JFreeChart draw(String titlePrefix, Group g, List<ThroughputPoint> points, Set<String> unsafe,
                           String runNote) {
        return draw(titlePrefix, g, points, unsafe, runNote, StrategyPlots.spreadRange(List.of(spreads(points))));
    }

    /** Draws one group's chart on the log axis {@code range}: per strategy and thread count the median, least and most of its points. */
    static JFreeChart draw(String titlePrefix, Group g, List<ThroughputPoint> points, Set<String> unsafe,
                           String runNote, StrategyPlots.YRange range) {
        Map<String, SortedMap<Integer, StrategyPlots.Spread>> series = spreads(points);
        boolean spread = series.values().stream().flatMap(m -> m.values().stream()).anyMatch(v -> v.high() > v.low());
        boolean failed = series.values().stream().flatMap(m -> m.values().stream())
                .anyMatch(StrategyPlots.Spread::mostlyFailed);
        List<String> notes = new ArrayList<>();
        notes.add(RunLabels.workloadDetail(g.keys(), g.condition()));
        if (!runNote.isBlank()) {
            notes.add(runNote);
        }
        if (spread) {
            notes.add("bars: min-max");
        }
        Set<String> shownUnsafe = new TreeSet<>(unsafe);
        shownUnsafe.retainAll(series.keySet());
        if (!shownUnsafe.isEmpty()) {
            notes.add("dashed, hollow: UNSAFE");
        }
        if (failed) {
            notes.add("✕: most calls failed");
        }
        notes.add(g.server().replaceFirst("^.*\\((\\w+)\\)$", "$1"));
        notes.add("higher is better");
        return StrategyPlots.spreadLines(titlePrefix + " — " + RunLabels.withoutProvision(g.server()) + " · "
                        + RunLabels.workload(g.keys(), g.condition()),
                String.join(" · ", notes), "goodput (successful calls/s)", series, shownUnsafe, range);
    }

    private static String keys(String keys) {
        return keys == null || keys.isBlank() ? "-" : keys;
    }
}
