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
        List<ChartWriter.Drawing> out = new ArrayList<>();
        for (Map.Entry<RunGroup, List<RunResult>> e : RunGroup.group(results).entrySet()) {
            RunGroup g = e.getKey();
            List<RunResult> runs = e.getValue();
            if (!g.isRace() && runs.stream().allMatch(r -> r.anomalyCount() == 0)) {
                continue;
            }
            String id = RunLabels.slug("anomaly", g.server(), g.workload(), g.condition());
                        out.add(new ChartWriter.Drawing(ChartKind.ANOMALY, id, draw(g, runs),
                    "Share of " + (g.isRace() ? "race rounds that saw at least one anomaly" : "calls that were anomalies")
                            + " on " + g.server() + ", " + g.workload() + ", " + g.condition()
                            + "; lower is better. Strategies marked \"(all 0)\" saw none and share the baseline.",
                    StrategyPlots.WIDTH, StrategyPlots.HEIGHT));
        }
        return out;
    }

    static JFreeChart draw(RunGroup g, List<RunResult> runs) {
        Map<String, SortedMap<Integer, double[]>> sums = new TreeMap<>();
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (RunResult r : runs) {
            double[] sum = sums.computeIfAbsent(r.config().strategy(), s -> new TreeMap<>())
                    .computeIfAbsent(r.config().threads(), t -> new double[2]);
            sum[0] += ratePercent(r);
            sum[1]++;
            if (r.race() != null) {
                fewest = Math.min(fewest, r.race().rounds());
                most = Math.max(most, r.race().rounds());
            }
        }
        Map<String, SortedMap<Integer, Double>> series = new TreeMap<>();
        sums.forEach((s, byThreads) -> {
            SortedMap<Integer, Double> m = new TreeMap<>();
            byThreads.forEach((t, sum) -> m.put(t, sum[0] / sum[1]));
            series.put(s, m);
        });
        // goc compare sizes each race's rounds to a time budget, so runs of a chart may differ
        String rounds = most == 0 ? "" : ", " + (fewest == most ? String.valueOf(most) : fewest + "–" + most)
                + " rounds per run";
        String keys = g.workload().replaceFirst("^keys ", "");
        String title = "Anomaly rate — " + RunLabels.withoutProvision(g.server()) + " · "
                + (g.isRace() ? "race · " + g.condition() : RunLabels.workload(keys, g.condition()));
        String what = g.isRace() ? "race" + rounds : RunLabels.workloadDetail(keys, g.condition());
        return StrategyPlots.lines(title, what + " · " + g.server().replaceFirst("^.*\\((\\w+)\\)$", "$1")
                        + " · lower is better",
                g.isRace() ? "rounds with an anomaly (%)" : "anomalous calls (%)", series,
                StrategyPlots.Scale.LINEAR);
    }
}
