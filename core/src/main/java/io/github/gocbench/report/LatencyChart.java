package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Latency percentiles p50 / p99 / p99.9 in µs as grouped bars, one bar per strategy, on a log
 * axis (tails are often 10–100× the median). One chart per server, key distribution and
 * condition of the steady runs, at the highest thread count measured there, where strategies
 * differ most; servers with only race runs get one chart per race group instead.
 */
public final class LatencyChart {

    /** The percentiles drawn, as category labels. */
    static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9");

    private LatencyChart() {
    }

    static List<ChartWriter.Drawing> drawings(List<RunResult> results) {
        Map<RunGroup, List<RunResult>> groups = RunGroup.group(results);
        Map<String, Boolean> serverHasSteady = new HashMap<>();
        groups.keySet().forEach(g -> serverHasSteady.merge(g.server(), !g.isRace(), Boolean::logicalOr));
        record Chart(RunGroup group, int threads, Map<String, double[]> means) {
        }
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<RunGroup, List<RunResult>> e : groups.entrySet()) {
            RunGroup g = e.getKey();
            if (g.isRace() && serverHasSteady.get(g.server())) {
                continue;
            }
            List<RunResult> runs = e.getValue().stream()
                    .filter(r -> r.latencyMicros() != null && r.latencyMicros().max() > 0).toList(); // no successful call: no latency
            if (runs.isEmpty()) {
                continue;
            }
            int threads = runs.stream().mapToInt(r -> r.config().threads()).max().getAsInt();
            charts.add(new Chart(g, threads, means(runs.stream().filter(r -> r.config().threads() == threads).toList())));
        }
        // one log axis for all latency charts, so that their bars compare by eye
        List<Double> all = new ArrayList<>();
        charts.forEach(c -> c.means().values().forEach(v -> all.addAll(List.of(v[0], v[1], v[2]))));
        StrategyPlots.YRange range = StrategyPlots.YRange.of(all, StrategyPlots.Scale.LOG);
        List<ChartWriter.Drawing> out = new ArrayList<>();
        for (Chart c : charts) {
            RunGroup g = c.group();
            String id = RunLabels.slug("latency", g.server(), g.workload(), g.condition());
            out.add(new ChartWriter.Drawing(ChartKind.LATENCY, id, draw(g, c.threads(), c.means(), range),
                    "Latency percentiles of the successful calls at " + c.threads() + " threads on " + g.server() + ", "
                            + g.workload() + ", " + g.condition()
                            + "; µs on a log axis shared by all latency charts, lower is better.",
                    StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
        }
        return out;
    }

    /** Per strategy, the mean p50, p99 and p99.9 (µs) of {@code runs}; repeated runs of a strategy are averaged. */
    static Map<String, double[]> means(List<RunResult> runs) {
        Map<String, double[]> sums = new HashMap<>();
        for (RunResult r : runs) {
            RunResult.Latency l = r.latencyMicros();
            double[] s = sums.computeIfAbsent(r.config().strategy(), k -> new double[4]);
            s[0] += l.p50();
            s[1] += l.p99();
            s[2] += l.p999();
            s[3]++;
        }
        Map<String, double[]> means = new HashMap<>();
        sums.forEach((k, s) -> means.put(k, new double[] {s[0] / s[3], s[1] / s[3], s[2] / s[3]}));
        return means;
    }

    /** Draws one chart from runs at one thread count, on an axis of its own. */
    static JFreeChart draw(RunGroup g, int threads, List<RunResult> runs) {
        Map<String, double[]> means = means(runs);
        List<Double> all = new ArrayList<>();
        means.values().forEach(v -> all.addAll(List.of(v[0], v[1], v[2])));
        return draw(g, threads, means, StrategyPlots.YRange.of(all, StrategyPlots.Scale.LOG));
    }

    /** Draws one chart of per-strategy means ({@link #means}) on the value axis {@code range}. */
    static JFreeChart draw(RunGroup g, int threads, Map<String, double[]> means, StrategyPlots.YRange range) {
        String keys = g.workload().replaceFirst("^keys ", "");
        String what = g.isRace() ? "race · " + g.condition() : RunLabels.workload(keys, g.condition());
        return StrategyPlots.bars("Latency — " + RunLabels.withoutProvision(g.server()) + " · " + what,
                "successful calls at " + threads + (threads == 1 ? " thread" : " threads") + " (failed calls:"
                        + " their own percentiles in the Runs table) · "
                        + (g.isRace() ? "" : RunLabels.workloadDetail(keys, g.condition()) + " · ")
                        + "lower is better", "percentile", "latency (µs)",
                new ArrayList<>(means.keySet()), PERCENTILES, (s, p) -> means.get(s)[PERCENTILES.indexOf(p)], range);
    }
}
