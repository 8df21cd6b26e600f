package io.github.gocbench.cost;

import io.github.gocbench.outcome.Messages;
import io.github.gocbench.results.CallCost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Helpers the probes share: one-row queries, differences, and the ids-vs-rows figures. */
final class Probes {

    private Probes() {
    }

    /** What a query returns in one row. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql}; hands its first row to {@code row}; false (and each name missing) when it fails. */
    static boolean query(Connection c, String sql, Snapshot s, Row row, String... names) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                for (String n : names) {
                    s.missing(n, "no row from: " + sql);
                }
                return false;
            }
            row.read(rs);
            return true;
        } catch (SQLException | RuntimeException e) {
            String why = Messages.firstLine(e.getMessage()) + (e instanceof SQLException q
                    ? " (SQLState " + q.getSQLState() + ")" : "");
            for (String n : names) {
                s.missing(n, why);
            }
            return false;
        }
    }

    /** {@code after - before} of {@code key} as a figure (unavailable when either edge lacks it). */
    static CallCost.Figure diff(String name, String unit, String key, Snapshot before, Snapshot after, long calls,
                                boolean serverWide, String source, long minus) {
        Long a = before.value(key);
        Long b = after.value(key);
        if (a == null || b == null) {
            return CallCost.Figure.unavailable(name, unit, serverWide, source,
                    a == null ? before.why(key) : after.why(key));
        }
        return CallCost.Figure.of(name, unit, b - a - minus, calls, serverWide, source);
    }

    /** A gauge's change over the window: a total, no per-call value. */
    static CallCost.Figure gauge(String name, String unit, String key, Snapshot before, Snapshot after,
                                 String source) {
        Long a = before.value(key);
        Long b = after.value(key);
        if (a == null || b == null) {
            return CallCost.Figure.unavailable(name, unit, true, source, a == null ? before.why(key) : after.why(key));
        }
        return new CallCost.Figure(name, unit, (double) (b - a), null, true, source, null);
    }

    /** ids consumed, rows added, and ids consumed beyond the rows added (burned). */
    static void ids(List<CallCost.Figure> out, Snapshot before, Snapshot after, long calls, boolean churn,
                    String idSource) {
        CallCost.Figure ids = diff("ids_consumed", "ids", "ids", before, after, calls, false, idSource, 0);
        CallCost.Figure rows = diff("rows_added", "rows", "rows", before, after, calls, false, "count(*)", 0);
        out.add(ids);
        out.add(rows);
        if (ids.total() == null || rows.total() == null) {
            out.add(CallCost.Figure.unavailable("ids_burned", "ids", false, "ids_consumed - rows_added",
                    ids.total() == null ? ids.unavailable() : rows.unavailable()));
        } else if (churn) {
            out.add(CallCost.Figure.unavailable("ids_burned", "ids", false, "ids_consumed - rows_added",
                    "churn deletes rows, so rows_added does not count the rows created"));
        } else {
            out.add(CallCost.Figure.of("ids_burned", "ids", ids.total() - rows.total(), calls, false,
                    "ids_consumed - rows_added"));
        }
    }

    /** {@code ours} as a SQL list of numbers (never empty). */
    static String idList(java.util.Collection<Long> ours) {
        StringBuilder b = new StringBuilder();
        for (Long id : ours) {
            if (id != null) {
                b.append(b.length() == 0 ? "" : ",").append(id.longValue());
            }
        }
        return b.length() == 0 ? "-1" : b.toString();
    }
}
