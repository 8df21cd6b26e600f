package io.github.gocbench.cost;

import io.github.gocbench.results.CallCost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MySQL's and MariaDB's cost counters: redo log position, InnoDB row operations, row lock waits,
 * deadlocks and the undo history length from {@code SHOW GLOBAL STATUS} (server-wide), the
 * table's {@code AUTO_INCREMENT} and the rows that exist.
 */
public final class MySqlProbe implements ServerProbe {

    /** Redo position: MariaDB's, MySQL 8.0.30+'s, then bytes written to the redo files. */
    private static final List<String> REDO = List.of("Innodb_lsn_current", "Innodb_redo_log_current_lsn",
            "Innodb_os_log_written");
    private static final List<String> STATUS = List.of("Innodb_lsn_current", "Innodb_redo_log_current_lsn",
            "Innodb_os_log_written", "Innodb_rows_inserted", "Innodb_rows_updated", "Innodb_rows_deleted",
            "Innodb_row_lock_waits", "Innodb_deadlocks", "Innodb_history_list_length", "Handler_write",
            "Handler_update", "Handler_delete");

    @Override
    public String sessionSql() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    public Snapshot read(Connection c, String table, boolean end) {
        Snapshot s = new Snapshot();
        // the count's InnoDB row reads and the status query itself stay outside the window
        if (end) {
            status(c, s);
        }
        autoIncrement(c, table, s);
        rows(c, table, s);
        if (!end) {
            status(c, s);
        }
        return s;
    }

    private static void rows(Connection c, String table, Snapshot s) {
        Probes.query(c, "SELECT count(*) FROM " + table, s, rs -> s.put("rows", rs.getLong(1)), "rows");
    }

    private static void autoIncrement(Connection c, String table, Snapshot s) {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION information_schema_stats_expiry = 0"); // MySQL 8 caches it for a day
        } catch (SQLException e) {
            // MariaDB has no such variable: its information_schema reads the engine's value
        }
        Probes.query(c, "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = '" + table + "'", s, rs -> {
                    long v = rs.getLong(1);
                    if (rs.wasNull()) {
                        s.missing("ids", "information_schema.TABLES has no AUTO_INCREMENT for " + table);
                    } else {
                        s.put("ids", v);
                    }
                }, "ids");
    }

    private static void status(Connection c, Snapshot s) {
        Map<String, Long> got = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("', '", STATUS) + "')")) {
            while (rs.next()) {
                try {
                    got.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), Long.parseLong(rs.getString(2).trim()));
                } catch (NumberFormatException e) {
                    // not a number: left unavailable below
                }
            }
        } catch (SQLException e) {
            for (String n : STATUS) {
                s.missing(n, "SHOW GLOBAL STATUS failed: " + e.getMessage());
            }
            return;
        }
        for (String n : STATUS) {
            Long v = got.get(n.toLowerCase(java.util.Locale.ROOT));
            if (v != null) {
                s.put(n, v);
            } else {
                s.missing(n, "this server has no status variable " + n);
            }
        }
        String redo = REDO.stream().filter(n -> s.value(n) != null).findFirst().orElse(null);
        if (redo != null) {
            s.put("redo", s.value(redo));
            s.text("redo", redo);
        } else {
            s.missing("redo", "this server has none of " + REDO);
        }
    }

    @Override
    public List<CallCost.Figure> figures(Snapshot b, Snapshot a, long calls, boolean churn) {
        List<CallCost.Figure> f = new ArrayList<>();
        String redo = a.text("redo") != null ? a.text("redo") : "Innodb_lsn_current";
        f.add(Probes.diff("redo_bytes", "bytes", "redo", b, a, calls, true, "SHOW GLOBAL STATUS " + redo, 0));
        rowOps(f, "server_rows_inserted", "Innodb_rows_inserted", "Handler_write", b, a, calls);
        rowOps(f, "server_rows_updated", "Innodb_rows_updated", "Handler_update", b, a, calls);
        rowOps(f, "server_rows_deleted", "Innodb_rows_deleted", "Handler_delete", b, a, calls);
        f.add(Probes.diff("row_lock_waits", "waits", "Innodb_row_lock_waits", b, a, calls, true,
                "SHOW GLOBAL STATUS Innodb_row_lock_waits", 0));
        f.add(Probes.diff("deadlocks", "deadlocks", "Innodb_deadlocks", b, a, calls, true,
                "SHOW GLOBAL STATUS Innodb_deadlocks", 0));
        f.add(Probes.gauge("history_length", "undo log entries", "Innodb_history_list_length", b, a,
                "SHOW GLOBAL STATUS Innodb_history_list_length (change over the window)"));
        Probes.ids(f, b, a, calls, churn, "information_schema.TABLES.AUTO_INCREMENT");
        return f;
    }

    /**
     * Row operations, server-wide: InnoDB's own counter where the server has it (MySQL), else the
     * handler's (MariaDB dropped {@code Innodb_rows_*}; {@code Handler_*} counts every engine's
     * rows, internal temporary tables apart).
     */
    private static void rowOps(List<CallCost.Figure> f, String name, String innodb, String handler, Snapshot b,
                               Snapshot a, long calls) {
        String key = b.value(innodb) != null && a.value(innodb) != null ? innodb : handler;
        f.add(Probes.diff(name, "rows", key, b, a, calls, true, "SHOW GLOBAL STATUS " + key, 0));
    }

    @Override
    public String otherSessions(Connection c, Snapshot before, Collection<Long> ours, double windowSeconds) {
        Snapshot s = new Snapshot();
        long[] n = {0};
        String[] who = {null};
        long seconds = (long) Math.ceil(windowSeconds) + 1;
        boolean ok = Probes.query(c, "SELECT count(*), GROUP_CONCAT(DISTINCT USER) FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND ID NOT IN (" + Probes.idList(ours) + ")"
                + " AND USER NOT IN ('system user', 'event_scheduler')"
                + " AND COMMAND NOT IN ('Daemon', 'Binlog Dump', 'Binlog Dump GTID')"
                + " AND (COMMAND <> 'Sleep' OR TIME < " + seconds + ")", s, rs -> {
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
