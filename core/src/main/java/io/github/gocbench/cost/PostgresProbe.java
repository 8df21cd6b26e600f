package io.github.gocbench.cost;

import io.github.gocbench.results.CallCost;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL's cost counters: WAL position, transaction ids, the table's tuple statistics (after
 * each worker flushed its own, {@code pg_stat_force_next_flush()}, PostgreSQL 15+), table and
 * index sizes, the identity sequence and the rows that exist.
 */
public final class PostgresProbe implements ServerProbe {

    private static final String[] STATS = {"n_tup_ins", "n_tup_upd", "n_tup_hot_upd", "n_tup_del", "n_dead_tup",
        "vacuums"};

    private final int versionNum;

    /** @param versionNum {@code server_version_num}, e.g. 170006 */
    public PostgresProbe(int versionNum) {
        this.versionNum = versionNum;
    }

    /** The probe for the server behind {@code c}. */
    public static PostgresProbe of(Connection c) {
        Snapshot s = new Snapshot();
        int[] v = {0};
        Probes.query(c, "SHOW server_version_num", s, rs -> v[0] = Integer.parseInt(rs.getString(1).trim()), "v");
        return new PostgresProbe(v[0]);
    }

    private boolean flushes() {
        return versionNum >= 150000;
    }

    @Override
    public String sessionSql() {
        return flushes() ? "SELECT pg_backend_pid(), pg_stat_force_next_flush()" : "SELECT pg_backend_pid()";
    }

    @Override
    public Snapshot read(Connection c, String table, boolean end) {
        Snapshot s = new Snapshot();
        String lit = "'" + table + "'";
        if (flushes()) {
            // this connection's own pending statistics (e.g. the engine's rolled-back probe insert)
            Probes.query(c, sessionSql(), s, rs -> { }, "flush");
        }
        Probes.query(c, "SELECT clock_timestamp()::text", s, rs -> s.text("time", rs.getString(1)), "time");
        Probes.query(c, "SELECT pg_current_wal_lsn()::text", s, rs -> s.put("wal", lsn(rs.getString(1))), "wal");
        String xid = versionNum >= 130000 ? "pg_current_xact_id()::text::bigint" : "txid_current()";
        Probes.query(c, "SELECT " + xid, s, rs -> s.put("xid", rs.getLong(1)), "xid");
        if (flushes()) {
            Probes.query(c, "SELECT n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, n_dead_tup,"
                    + " vacuum_count + autovacuum_count FROM pg_stat_user_tables WHERE relid = " + lit + "::regclass",
                    s, rs -> {
                        for (int i = 0; i < STATS.length; i++) {
                            s.put(STATS[i], rs.getLong(i + 1));
                        }
                    }, STATS);
        } else {
            for (String n : STATS) {
                s.missing(n, "PostgreSQL " + versionNum + " has no pg_stat_force_next_flush() (15+): the"
                        + " statistics collector's counters lag the window");
            }
        }
        Probes.query(c, "SELECT pg_table_size(" + lit + "), pg_indexes_size(" + lit + ")", s, rs -> {
            s.put("table_bytes", rs.getLong(1));
            s.put("index_bytes", rs.getLong(2));
        }, "table_bytes", "index_bytes");
        String[] seq = {null};
        Probes.query(c, "SELECT pg_get_serial_sequence(" + lit + ", 'id')", s, rs -> seq[0] = rs.getString(1), "ids");
        if (seq[0] != null) {
            Probes.query(c, "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + seq[0], s,
                    rs -> s.put("ids", rs.getLong(1)), "ids");
        } else if (s.value("ids") == null) {
            s.missing("ids", "the table's id has no sequence");
        }
        Probes.query(c, "SELECT count(*) FROM " + table, s, rs -> s.put("rows", rs.getLong(1)), "rows");
        return s;
    }

    /** An LSN {@code X/Y} as a byte position. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    @Override
    public List<CallCost.Figure> figures(Snapshot b, Snapshot a, long calls, boolean churn) {
        List<CallCost.Figure> f = new ArrayList<>();
        f.add(Probes.diff("wal_bytes", "bytes", "wal", b, a, calls, true, "pg_current_wal_lsn()", 0));
        // the after probe's own pg_current_xact_id() consumed one id
        f.add(Probes.diff("xids", "transaction ids", "xid", b, a, calls, true,
                versionNum >= 130000 ? "pg_current_xact_id() - 1" : "txid_current() - 1", 1));
        String st = "pg_stat_user_tables";
        f.add(Probes.diff("tuples_inserted", "tuples", "n_tup_ins", b, a, calls, false, st + ".n_tup_ins", 0));
        f.add(Probes.diff("tuples_updated", "tuples", "n_tup_upd", b, a, calls, false, st + ".n_tup_upd", 0));
        f.add(Probes.diff("tuples_hot_updated", "tuples", "n_tup_hot_upd", b, a, calls, false,
                st + ".n_tup_hot_upd", 0));
        f.add(Probes.diff("tuples_deleted", "tuples", "n_tup_del", b, a, calls, false, st + ".n_tup_del", 0));
        Long vb = b.value("vacuums");
        Long va = a.value("vacuums");
        if (vb != null && va != null && !vb.equals(va)) {
            f.add(CallCost.Figure.unavailable("dead_tuples", "tuples", false, st + ".n_dead_tup",
                    "the table was vacuumed during the window (n_dead_tup was reset); see tuples_updated and"
                            + " tuples_deleted"));
        } else {
            f.add(Probes.diff("dead_tuples", "tuples", "n_dead_tup", b, a, calls, false, st + ".n_dead_tup", 0));
        }
        f.add(Probes.diff("table_bytes", "bytes", "table_bytes", b, a, calls, false, "pg_table_size()", 0));
        f.add(Probes.diff("index_bytes", "bytes", "index_bytes", b, a, calls, false, "pg_indexes_size()", 0));
        Probes.ids(f, b, a, calls, churn, "the id sequence's last_value");
        f.add(deadMade(f, calls, churn));
        return f;
    }

    /**
     * Row versions the window left dead: every update and delete leaves one, and so does every
     * insert that did not commit ({@code n_tup_ins} counts attempted inserts, committed or not),
     * i.e. {@code n_tup_upd + n_tup_del + n_tup_ins - rows_added}. Unlike {@code n_dead_tup}, not
     * lowered by on-access pruning or vacuum. Unavailable under churn (rows_added then nets the
     * deletes).
     */
    private static CallCost.Figure deadMade(List<CallCost.Figure> f, long calls, boolean churn) {
        String source = "n_tup_upd + n_tup_del + n_tup_ins - rows_added";
        if (churn) {
            return CallCost.Figure.unavailable("dead_tuples_made", "tuples", false, source,
                    "churn deletes rows, so rows_added does not count the inserts that committed");
        }
        double total = 0;
        for (String n : List.of("tuples_updated", "tuples_deleted", "tuples_inserted", "rows_added")) {
            CallCost.Figure x = f.stream().filter(g -> g.name().equals(n)).findFirst().orElse(null);
            if (x == null || x.total() == null) {
                return CallCost.Figure.unavailable("dead_tuples_made", "tuples", false, source,
                        x == null ? n + " missing" : x.unavailable());
            }
            total += n.equals("rows_added") ? -x.total() : x.total();
        }
        return CallCost.Figure.of("dead_tuples_made", "tuples", total, calls, false, source);
    }

    @Override
    public String otherSessions(Connection c, Snapshot before, Collection<Long> ours, double windowSeconds) {
        String since = before.text("time");
        if (since == null) {
            return null;
        }
        Snapshot s = new Snapshot();
        long[] n = {0};
        String[] who = {null};
        boolean ok = Probes.query(c, "SELECT count(*), string_agg(DISTINCT coalesce(nullif(application_name, ''),"
                + " usename::text, '?'), ', ') FROM pg_stat_activity WHERE backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid() AND pid NOT IN (" + Probes.idList(ours) + ")"
                + " AND (state IS DISTINCT FROM 'idle' OR state_change > '" + since + "'::timestamptz)", s, rs -> {
                    n[0] = rs.getLong(1);
                    who[0] = rs.getString(2);
                }, "sessions");
        if (!ok) {
            return "could not check for other sessions: " + s.why("sessions");
        }
        return n[0] == 0 ? null : n[0] + " other client session(s) were active on the server during the window ("
                + who[0] + ")";
    }
}
