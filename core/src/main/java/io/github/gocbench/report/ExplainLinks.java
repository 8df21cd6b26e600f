package io.github.gocbench.report;

import io.github.gocbench.outcome.Verdict;
import io.github.gocbench.results.RunResult;
import io.github.gocbench.strategy.Conditions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Beside the verdict grid (issue 18): for every UNSAFE cell, the {@code goc explain} command that
 * runs its strategy's schedules on the same server and condition and prints the shortest one that
 * breaks it. Printed, not run: exploring every cell would make a compare much slower, and a cell
 * whose anomaly no schedule produces needs the race's timeline instead. Churn and the side-effect
 * hook are not explorable; those cells say so.
 */
public final class ExplainLinks {

    private static final String INTRO = "How each UNSAFE cell breaks, step by step: `goc explain` runs every"
            + " schedule of two callers on the same server and condition and prints the shortest one that breaks it"
            + " (add the run's `--db-url` for a URL server). When it finds none, the anomaly happens inside the"
            + " server between statements: see the race's timelines below.";

    private ExplainLinks() {
    }

    /** The command per UNSAFE cell, keyed by command, each with the cells (server, threads) it covers. */
    static Map<String, List<String>> commands(List<RunResult> runs) {
        Map<String, java.util.Set<String>> out = new TreeMap<>();
        for (RunResult r : runs) {
            if (r.verdict() != Verdict.UNSAFE || r.target() == null || r.target().family() == null
                    || r.config() == null || r.config().conditions() == null) {
                continue;
            }
            Conditions c = r.config().conditions();
            String cmd = command(r);
            if (c.churn() > 0 || c.sideEffect()) {
                cmd += "   (not explorable: " + (c.churn() > 0 ? "churn" : "side-effect hook")
                        + "; the race's timelines are the evidence)";
            }
            out.computeIfAbsent(cmd, k -> new java.util.TreeSet<>()).add(RunLabels.server(r.target()));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        return lists;
    }

    /**
     * The {@code goc explain} command for {@code r}'s server family, strategy and condition
     * (churn and the side-effect hook left out: explain does not run them).
     */
    public static String command(RunResult r) {
        Conditions c = r.config().conditions();
        StringBuilder cmd = new StringBuilder("goc explain --db ").append(r.target().family().cliName())
                .append(" --strategy ").append(r.config().strategy());
        if (c.outerTx()) {
            cmd.append(" --outer-tx");
        }
        if (c.isolation() != null) {
            cmd.append(" --isolation ").append(c.isolation().cliName());
        }
        if (!c.unique()) {
            cmd.append(" --no-unique");
        }
        return cmd.toString();
    }

    static String markdown(List<RunResult> runs) {
        Map<String, List<String>> cmds = commands(runs);
        if (cmds.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(INTRO).append("\n\n");
        cmds.forEach((cmd, servers) -> b.append("- `").append(cmd).append("` (").append(String.join(", ", servers))
                .append(")\n"));
        return b.append('\n').toString();
    }

    static String html(List<RunResult> runs) {
        Map<String, List<String>> cmds = commands(runs);
        if (cmds.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p>").append(Html.escape(INTRO.replace("`", ""))).append("</p>\n<ul>\n");
        cmds.forEach((cmd, servers) -> b.append("<li><code>").append(Html.escape(cmd)).append("</code> (")
                .append(Html.escape(String.join(", ", servers))).append(")</li>\n"));
        return b.append("</ul>\n").toString();
    }
}
