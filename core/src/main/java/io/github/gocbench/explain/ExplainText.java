package io.github.gocbench.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Explanation} as terminal text: a header, one block per distinct result (with its count
 * and its shortest schedule as a swimlane), and the verdict line. Deterministic: the same
 * exploration prints the same text, which the expected-output tests compare.
 */
public final class ExplainText {

    /** Widest a column grows before its text wraps. */
    private static final int MAX_WIDTH = 60;

    /**
     * Said beside a verdict without an anomalous schedule (issue 18): what an anomaly a race still
     * sees there must be.
     */
    public static final String NO_SCHEDULE = "If goc race sees an anomaly here, the race sees it and no schedule"
            + " does: a window inside the server between statements (goc race keeps the rounds' timelines).";

    private ExplainText() {
    }

    /** The whole text. */
    public static String render(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("goc explain: ").append(e.strategy()).append(" on ").append(e.db()).append(", ")
                .append(e.conditions()).append(", ").append(e.callers()).append(" callers\n");
        sb.append(e.schedules()).append(" schedules explored");
        if (e.preemptions() >= 0) {
            sb.append(" (at most ").append(e.preemptions()).append(" preemptions; ").append(e.bounded())
                    .append(" alternatives beyond the bound left out)");
        } else if (e.complete()) {
            sb.append(" (all schedules)");
        }
        sb.append(", ").append(e.results().size()).append(" distinct results\n");
        if (e.stopped() != null) {
            sb.append(e.stopped()).append('\n');
        }
        sb.append("Each step runs alone; ':k' is a key no row has yet, '#n' the n-th id seen.\n");
        int i = 0;
        for (Explanation.Result r : e.results()) {
            i++;
            sb.append('\n').append("Result ").append(i).append(" of ").append(e.results().size()).append(": ")
                    .append(r.summary()).append(r.anomalous() ? "   ANOMALY" : "").append('\n');
            sb.append("  in ").append(r.schedules()).append(" of ").append(e.schedules())
                    .append(" schedules; shortest (").append(r.shortest().isEmpty() ? 0
                            : r.shortest().split(" ").length).append(" steps): ").append(r.shortest()).append('\n');
            sb.append(lane(r.lane(), r.answers()));
        }
        sb.append('\n').append(e.verdict()).append('\n');
        if (e.anomalousSchedules() == 0) {
            sb.append(NO_SCHEDULE).append('\n');
        }
        return sb.toString();
    }

    /** A swimlane: a step column, then one column per caller; the callers' answers last. */
    static String lane(Swimlane lane, List<String> answers) {
        int n = lane.callers();
        List<List<String>[]> rows = new ArrayList<>();
        for (Swimlane.Row r : lane.rows()) {
            @SuppressWarnings("unchecked")
            List<String>[] cells = new List[n];
            for (int c = 0; c < n; c++) {
                cells[c] = new ArrayList<>();
            }
            List<String> cell = cells[r.caller()];
            if (r.sql() != null && !r.sql().isEmpty()) {
                wrap(cell, r.sql(), "");
            }
            if (r.waits() != null) {
                wrap(cell, "waits for " + r.waits(), "   ... ");
            } else if (r.result() != null) {
                wrap(cell, r.result(), r.sql() == null || r.sql().isEmpty() ? "<- " : "-> ");
            }
            rows.add(cells);
        }
        @SuppressWarnings("unchecked")
        List<String>[] last = new List[n];
        for (int c = 0; c < n; c++) {
            last[c] = new ArrayList<>();
            wrap(last[c], c < answers.size() ? answers.get(c) : "", "= ");
        }
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = Schedules.name(c).length();
            for (List<String>[] cells : rows) {
                for (String s : cells[c]) {
                    width[c] = Math.max(width[c], s.length());
                }
            }
            for (String s : last[c]) {
                width[c] = Math.max(width[c], s.length());
            }
        }
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            head.add(Schedules.name(c));
            rule.add("-".repeat(width[c]));
        }
        line(sb, "step", head, width);
        line(sb, "----", rule, width);
        int step = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String>[] cells = rows.get(i);
            Swimlane.Row r = lane.rows().get(i);
            String label = "";
            if (r.sql() != null && !r.sql().isEmpty() && r.step() > 0 && r.step() != step) {
                step = r.step();
                label = String.valueOf(step);
            }
            emit(sb, label, cells, width);
        }
        line(sb, "----", rule, width);
        emit(sb, "", last, width);
        return sb.toString();
    }

    private static void emit(StringBuilder sb, String label, List<String>[] cells, int[] width) {
        int lines = 0;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        for (int l = 0; l < lines; l++) {
            List<String> parts = new ArrayList<>();
            for (List<String> c : cells) {
                parts.add(l < c.size() ? c.get(l) : "");
            }
            line(sb, l == 0 ? label : "", parts, width);
        }
    }

    private static void line(StringBuilder sb, String label, List<String> parts, int[] width) {
        StringBuilder l = new StringBuilder(String.format("  %4s", label));
        for (int c = 0; c < parts.size(); c++) {
            l.append(" | ").append(c == parts.size() - 1 ? parts.get(c)
                    : String.format("%-" + width[c] + "s", parts.get(c)));
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Adds {@code text} to {@code cell} in lines of at most {@link #MAX_WIDTH}, the first prefixed. */
    static void wrap(List<String> cell, String text, String prefix) {
        String rest = prefix + text;
        String indent = " ".repeat(Math.min(prefix.length(), 3));
        while (rest.length() > MAX_WIDTH) {
            int cut = rest.lastIndexOf(' ', MAX_WIDTH);
            if (cut <= indent.length()) {
                cut = MAX_WIDTH;
            }
            cell.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).strip();
        }
        cell.add(rest);
    }
}
