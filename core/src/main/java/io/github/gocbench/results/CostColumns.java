package io.github.gocbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost columns of the CSV (issue 17), appended after the format-2 columns: one
 * {@code cost_<name>_per_call} column per metric both dialects may report, empty when the run has
 * no such figure or the server could not give it (the JSON says why).
 */
public final class CostColumns {

    /** Every metric name, in column order (PostgreSQL's, MySQL's, then the client's). */
    public static final List<String> METRICS = List.of("wal_bytes", "xids", "tuples_inserted", "tuples_updated",
            "tuples_hot_updated", "tuples_deleted", "dead_tuples", "dead_tuples_made", "table_bytes", "index_bytes", "redo_bytes",
            "server_rows_inserted", "server_rows_updated", "server_rows_deleted", "row_lock_waits", "deadlocks",
            "history_length", "ids_consumed", "rows_added", "ids_burned", "statements", "round_trips", "retries");

    private CostColumns() {
    }

    /** The column names. */
    public static List<String> header() {
        List<String> h = new ArrayList<>(List.of("cost_window", "cost_successful_calls", "cost_approximate"));
        for (String m : METRICS) {
            h.add("cost_" + m + "_per_call");
        }
        return h;
    }

    /** The values for {@code cost} (all empty when {@code null}). */
    public static List<String> row(CallCost cost) {
        List<String> v = new ArrayList<>();
        v.add(cost == null ? "" : cost.window());
        v.add(cost == null ? "" : Long.toString(cost.successfulCalls()));
        v.add(cost == null ? "" : Boolean.toString(cost.approximate()));
        for (String m : METRICS) {
            Double d = cost == null ? null : cost.perCall(m);
            v.add(d == null ? "" : Double.toString(d));
        }
        return v;
    }
}
