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
        List<ChartWriter.Drawing> out = new ArrayList<>();
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
            List<RunResult> atMax = runs.stream().filter(r -> r.config().threads() == threads).toList();
            String id = RunLabels.slug("latency", g.server(), g.workload(), g.condition());
            out.add(new ChartWriter.Drawing(ChartKind.LATENCY, id, draw(g, threads, atMax),
                    "Latency percentiles of the successful calls at " + threads + " threads on " + g.server() + ", " + g.workload()
                            + ", " + g.condition() + "; µs on a log axis, lower is better.",
                    StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
        }
        return out;
    }

    /** Draws one chart from runs at one thread count; repeated runs of a strategy are averaged. */
    static JFreeChart draw(RunGroup g, int threads, List<RunResult> runs) {
        Map<String, double[]> sums = new HashMap<>();
        for (RunResult r : runs) {
            RunResult.Latency l = r.latencyMicros();
            double[] s = sums.computeIfAbsent(r.config().strategy(), k -> new double[4]);
            s[0] += l.p50();
            s[1] += l.p99();
            s[2] += l.p999();
            s[3]++;
        }
        String keys = g.workload().replaceFirst("^keys ", "");
        String what = g.isRace() ? "race · " + g.condition() : RunLabels.workload(keys, g.condition());
        return StrategyPlots.bars("Latency — " + RunLabels.withoutProvision(g.server()) + " · " + what,
                "successful calls at " + threads + (threads == 1 ? " thread" : " threads") + " (failed calls:"
                        + " their own percentiles in the Runs table) · "
                        + (g.isRace() ? "" : RunLabels.workloadDetail(keys, g.condition()) + " · ")
                        + "lower is better", "percentile", "latency (µs)",
                new ArrayList<>(sums.keySet()), PERCENTILES, (s, p) -> {
                    double[] v = sums.get(s);
                    return v[PERCENTILES.indexOf(p)] / v[3];
                }, StrategyPlots.Scale.LOG);
    }
}
