package io.github.gocbench.report;

import io.github.gocbench.results.CallCost;
import io.github.gocbench.results.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code goc diff}'s cost section (issue 17): per configuration both sides measured, the per-call
 * figures that changed, old and new (mean over the side's runs). Informational: a cost change is
 * never a regression by itself.
 */
public final class CostDiff {

    /** The figures compared, in order. */
    static final List<String> FIGURES = List.of("statements", "round_trips", "wal_bytes", "redo_bytes", "xids",
            "dead_tuples_made", "ids_burned", "ids_consumed", "retries");

    private CostDiff() {
    }

    /** One changed figure of one configuration. */
    public record Delta(ResultsDiff.Key key, String figure, double before, double after) {
    }

    /** The figures that differ (by more than 1 % or, near 0, 0.001 per call) between the two sides. */
    public static List<Delta> of(List<RunResult> before, List<RunResult> after) {
        Map<ResultsDiff.Key, List<CallCost>> a = group(before);
        Map<ResultsDiff.Key, List<CallCost>> b = group(after);
        List<Delta> out = new ArrayList<>();
        for (Map.Entry<ResultsDiff.Key, List<CallCost>> e : a.entrySet()) {
            List<CallCost> newer = b.get(e.getKey());
            if (newer == null) {
                continue;
            }
            for (String f : FIGURES) {
                Double x = mean(e.getValue(), f);
                Double y = mean(newer, f);
                if (x != null && y != null && Math.abs(y - x) > Math.max(0.001, 0.01 * Math.abs(x))) {
                    out.add(new Delta(e.getKey(), f, x, y));
                }
            }
        }
        return out;
    }

    private static Map<ResultsDiff.Key, List<CallCost>> group(List<RunResult> runs) {
        Map<ResultsDiff.Key, List<CallCost>> m = new LinkedHashMap<>();
        for (RunResult r : runs) {
            if (r.cost() != null) {
                m.computeIfAbsent(ResultsDiff.Key.of(r), k -> new ArrayList<>()).add(r.cost());
            }
        }
        return m;
    }

    private static Double mean(List<CallCost> costs, String figure) {
        double sum = 0;
        int n = 0;
        for (CallCost c : costs) {
            Double v = c.perCall(figure);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** The section as Markdown; "" when neither side carries cost figures for a shared configuration. */
    public static String markdown(List<RunResult> before, List<RunResult> after) {
        boolean shared = group(before).keySet().stream().anyMatch(group(after)::containsKey);
        if (!shared) {
            return "";
        }
        List<Delta> deltas = of(before, after);
        StringBuilder b = new StringBuilder("### Cost per successful call (informational)\n\n");
        if (deltas.isEmpty()) {
            return b.append("No per-call cost figure changed by more than 1 %.\n\n").toString();
        }
        b.append("| configuration | figure | old | new |\n|---|---|---:|---:|\n");
        for (Delta d : deltas) {
            b.append("| ").append(d.key().label()).append(" | ").append(d.figure()).append(" | ")
                    .append(CostTable.number(d.before())).append(" | ").append(CostTable.number(d.after()))
                    .append(" |\n");
        }
        return b.append("\nServer-wide figures (WAL, redo) include other clients' work; never judged as a"
                + " regression.\n\n").toString();
    }
}
