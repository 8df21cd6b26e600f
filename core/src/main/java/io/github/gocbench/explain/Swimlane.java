package io.github.gocbench.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schedule as rows, one step per row in the column of its caller: the SQL and what it
 * returned, a blocked step as two rows (the wait, then what it returned once its blocker moved).
 * The order is deterministic: by decision; within one, the granted caller first, then the others
 * by name; ids are numbered {@code #1, #2} in order of appearance.
 *
 * @param rows    the steps
 * @param callers how many columns
 */
public record Swimlane(List<Row> rows, int callers) {

    /**
     * One row.
     *
     * @param step   the decision number that granted it (0 for steps before any), for hand replay
     * @param caller its column (0 = A)
     * @param sql    what the caller sent ({@code :k} is the schedule's key), empty for a return row
     * @param result what it returned, or {@code null} while it waits
     * @param waits  whom it waited for, or {@code null}
     */
    public record Row(int step, int caller, String sql, String result, String waits) {
    }

    private static final Pattern ID = Pattern.compile("#(\\d+)");

    /** The rows of {@code steps}, given who was granted at each decision. */
    static Swimlane of(List<StepLog> steps, List<Integer> grants, int callers, Map<Long, String> ids) {
        record Keyed(int decision, int rank, int caller, int seq, int sub, Row row) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (StepLog s : steps) {
            int g = s.granted < grants.size() ? grants.get(s.granted) : -1;
            int rank = s.caller == g ? 0 : 1;
            if (!s.scheduled) {
                keyed.add(new Keyed(s.granted, rank, s.caller, s.callerSeq, 0,
                        new Row(s.granted, s.caller, s.sql, s.result, null)));
            } else if (!s.blocked() && s.result != null && s.returned == s.granted) {
                keyed.add(new Keyed(s.granted, rank, s.caller, s.callerSeq, 0,
                        new Row(s.granted, s.caller, s.sql, s.result, null)));
            } else {
                keyed.add(new Keyed(s.granted, rank, s.caller, s.callerSeq, 0,
                        new Row(s.granted, s.caller, s.sql, null, s.blocked() ? String.join("; then ", s.waitedFor)
                                : "(still running)")));
                if (s.result != null) {
                    int rg = s.returned < grants.size() ? grants.get(s.returned) : -1;
                    keyed.add(new Keyed(s.returned, s.caller == rg ? 0 : 1, s.caller, s.callerSeq, 1,
                            new Row(s.returned, s.caller, "", s.result, null)));
                }
            }
        }
        keyed.sort(Comparator.comparingInt(Keyed::decision).thenComparingInt(Keyed::rank)
                .thenComparingInt(Keyed::caller).thenComparingInt(Keyed::seq).thenComparingInt(Keyed::sub));
        List<Row> rows = new ArrayList<>();
        for (Keyed k : keyed) {
            Row r = k.row();
            rows.add(new Row(r.step(), r.caller(), number(r.sql(), ids), number(r.result(), ids), r.waits()));
        }
        return new Swimlane(rows, callers);
    }

    /** Replaces raw ids ({@code #123}) by their number of appearance ({@code #1}). */
    static String number(String text, Map<Long, String> ids) {
        if (text == null) {
            return null;
        }
        Matcher m = ID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            long raw = Long.parseLong(m.group(1));
            String n = ids.computeIfAbsent(raw, r -> "#" + (ids.size() + 1));
            m.appendReplacement(sb, Matcher.quoteReplacement(n));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A fresh id numbering. */
    static Map<Long, String> numbering() {
        return new LinkedHashMap<>();
    }
}
