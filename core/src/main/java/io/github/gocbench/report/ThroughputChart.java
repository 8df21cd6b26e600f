package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * Goodput (successful calls/s: CREATED + FOUND) against threads, one line per strategy, one chart per server, key
 * distribution and condition. Repeated measurements of one point are averaged.
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
            if (r.config() == null || r.totals() == null || !"steady".equals(r.config().workload())) {
                continue;
            }
            points.add(new ThroughputPoint(RunLabels.server(r.target()), keys(r.config().keys()),
                    RunLabels.condition(r.config()), r.config().strategy(), r.config().threads(),
                    r.totals().goodput()));
        }
        return points;
    }

    /** One drawing per server, key distribution and condition, in a stable order. */
    static List<ChartWriter.Drawing> drawings(List<ThroughputPoint> points, String idPrefix, String titlePrefix) {
        Map<Group, List<ThroughputPoint>> groups = points.stream().collect(Collectors.groupingBy(
                p -> new Group(p.server(), p.keys(), p.condition()), LinkedHashMap::new, Collectors.toList()));
        List<ChartWriter.Drawing> out = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Group::server).thenComparing(Group::keys)
                        .thenComparing(Group::condition)))
                .forEach(e -> {
                    Group g = e.getKey();
                    JFreeChart chart = draw(titlePrefix, g, e.getValue());
                    String id = RunLabels.slug(idPrefix, g.server(), g.keys(), g.condition());
                    out.add(new ChartWriter.Drawing(ChartKind.THROUGHPUT, id, chart,
                            "Goodput (successful calls per second) against threads on " + g.server() + ", keys " + g.keys() + ", "
                                    + g.condition() + "; higher is better.",
                            StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
                });
        return out;
    }

    /** Draws one group's chart. */
    static JFreeChart draw(String titlePrefix, Group g, List<ThroughputPoint> points) {
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        Map<String, Map<Integer, double[]>> sums = new TreeMap<>();
        for (ThroughputPoint p : points) {
            double[] sum = sums.computeIfAbsent(p.strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(p.threads(), t -> new double[2]);
            sum[0] += p.callsPerSecond();
            sum[1]++;
        }
        sums.forEach((s, byThreads) -> {
            SortedMap<Integer, Double> m = new TreeMap<>();
            byThreads.forEach((t, sum) -> m.put(t, sum[0] / sum[1]));
            series.put(s, m);
        });
        return StrategyPlots.lines(titlePrefix + " — " + g.server(),
                "keys " + g.keys() + " · " + g.condition() + " · higher is better",
                "goodput (successful calls/s)", series, StrategyPlots.Scale.AUTO);
    }

    private static String keys(String keys) {
        return keys == null || keys.isBlank() ? "-" : keys;
    }
}
