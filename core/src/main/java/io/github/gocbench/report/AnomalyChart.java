package io.github.gocbench.report;

import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;

/**
 * Anomaly rate against threads, one line per strategy, one chart per server, workload and
 * condition. Race runs show the share of rounds that saw at least one anomaly; steady runs the
 * anomalies per 100 calls. The axis stays linear from 0 so that "no anomaly" sits on the
 * baseline (a log axis cannot show zero).
 *
 * <p>Every race group gets a chart (finding anomalies is what races are for); a steady group
 * gets one only when some run in it saw an anomaly, as an all-zero chart says nothing the
 * verdict grid does not.
 */
public final class AnomalyChart {

    private AnomalyChart() {
    }

    /** The anomaly rate of one run in percent: of rounds for race runs, of calls otherwise. */
    public static double ratePercent(RunResult r) {
        if (r.race() != null && r.race().rounds() > 0) {
            return 100.0 * r.race().roundsWithAnomaly() / r.race().rounds();
        }
        long calls = r.totals() == null ? 0 : r.totals().calls();
        return calls == 0 ? 0.0 : 100.0 * r.anomalyCount() / calls;
    }

    static List<ChartWriter.Drawing> drawings(List<RunResult> results) {
        Map<RunGroup, List<RunResult>> drawn = new java.util.LinkedHashMap<>();
        for (Map.Entry<RunGroup, List<RunResult>> e : RunGroup.group(results).entrySet()) {
            if (e.getKey().isRace() || e.getValue().stream().anyMatch(r -> r.anomalyCount() != 0)) {
                drawn.put(e.getKey(), e.getValue());
            }
        }
        // siblings share one axis: all race charts (share of rounds), and the steady charts (share
        // of calls) of one workload across servers and conditions
        Map<String, StrategyPlots.YRange> ranges = new java.util.HashMap<>();
        drawn.keySet().forEach(g -> ranges.computeIfAbsent(siblings(g), k -> sharedRange(drawn, k)));
        List<ChartWriter.Drawing> out = new ArrayList<>();
        for (Map.Entry<RunGroup, List<RunResult>> e : drawn.entrySet()) {
            RunGroup g = e.getKey();
            List<RunResult> runs = e.getValue();
            String id = RunLabels.slug("anomaly", g.server(), g.workload(), g.condition());
            out.add(new ChartWriter.Drawing(ChartKind.ANOMALY, id, draw(g, runs, ranges.get(siblings(g))),
                    "Share of " + (g.isRace() ? "race rounds that saw at least one anomaly" : "calls that were anomalies")
                            + " on " + g.server() + ", " + g.workload() + ", " + g.condition()
                            + "; lower is better. Strategies marked \"(all 0)\" saw none and share the baseline;"
                            + " a rate too small to see on the shared axis is written beside its point.",
                    StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
        }
        return out;
    }

    /**
     * Which charts share an axis: all race charts, and the steady charts of one workload (keys and
     * churn) whatever the server and situation.
     */
    static String siblings(RunGroup g) {
        return g.isRace() ? "race"
                : "steady " + RunLabels.workloadDetail(g.workload().replaceFirst("^keys ", ""), g.condition());
    }

    /**
     * One linear axis, from zero to the largest rate, for the charts among {@code groups} whose
     * {@link #siblings} key is {@code key}.
     */
    static StrategyPlots.YRange sharedRange(Map<RunGroup, List<RunResult>> groups, String key) {
        List<Double> values = new ArrayList<>();
        groups.forEach((g, runs) -> {
            if (siblings(g).equals(key)) {
                rates(runs).values().forEach(m -> values.addAll(m.values()));
            }
        });
        return StrategyPlots.YRange.of(values, StrategyPlots.Scale.LINEAR);
    }

    /** Per strategy and thread count, the mean anomaly rate (percent) of {@code runs}. */
    static Map<String, SortedMap<Integer, Double>> rates(List<RunResult> runs) {
        Map<String, SortedMap<Integer, double[]>> sums = new TreeMap<>();
        for (RunResult r : runs) {
            double[] sum = sums.computeIfAbsent(r.config().strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(r.config().threads(), t -> new double[2]);
            sum[0] += ratePercent(r);
            sum[1]++;
        }
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        sums.forEach((s, byThreads) -> {
            SortedMap<Integer, Double> m = new TreeMap<>();
            byThreads.forEach((t, sum) -> m.put(t, sum[0] / sum[1]));
            series.put(s, m);
        });
        return series;
    }

    static JFreeChart draw(RunGroup g, List<RunResult> runs) {
        Map<String, SortedMap<Integer, Double>> series = rates(runs);
        List<Double> values = new ArrayList<>();
        series.values().forEach(m -> values.addAll(m.values()));
        return draw(g, runs, StrategyPlots.YRange.of(values, StrategyPlots.Scale.LINEAR));
    }

    static JFreeChart draw(RunGroup g, List<RunResult> runs, StrategyPlots.YRange range) {
        Map<String, SortedMap<Integer, Double>> series = rates(runs);
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (RunResult r : runs) {
            if (r.race() != null) {
                fewest = Math.min(fewest, r.race().rounds());
                most = Math.max(most, r.race().rounds());
            }
        }
        // goc compare sizes each race's rounds to a time budget, so runs of a chart may differ
        String rounds = most == 0 ? "" : ", " + (fewest == most ? String.valueOf(most) : fewest + "–" + most)
                + " rounds per run";
        String keys = g.workload().replaceFirst("^keys ", "");
        String title = "Anomaly rate — " + RunLabels.withoutProvision(g.server()) + " · "
                + (g.isRace() ? "race · " + g.condition() : RunLabels.workload(keys, g.condition()));
        String what = g.isRace() ? "race" + rounds : RunLabels.workloadDetail(keys, g.condition());
        return StrategyPlots.lines(title, what + " · " + g.server().replaceFirst("^.*\\((\\w+)\\)$", "$1")
                        + " · axis shared with the other " + (g.isRace() ? "race charts" : "charts of this workload")
                        + " · lower is better",
                g.isRace() ? "rounds with an anomaly (%)" : "anomalous calls (%)", "%", series, range);
    }
}
