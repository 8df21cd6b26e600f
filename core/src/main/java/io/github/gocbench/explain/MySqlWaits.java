package io.github.gocbench.explain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MariaDB/MySQL: a session is blocked when its InnoDB transaction is in {@code LOCK WAIT}
 * ({@code information_schema.INNODB_TRX}), whom it waits for from
 * {@code information_schema.INNODB_LOCK_WAITS} (MariaDB; absent in MySQL 8, where the blocker
 * stays unnamed), or when the processlist shows it waiting for a user or metadata lock.
 *
 * <p>InnoDB serves those tables from a cache that it refreshes only when nobody read it for
 * 0.1 s ({@code CACHE_MIN_IDLE_TIME_US} in {@code trx0i_s.cc}): polled faster, it would show the
 * same stale state forever. So reads here are at least {@link #GAP_NANOS} apart, and each one
 * sees the server as it is (as long as no other client polls those tables meanwhile).
 */
final class MySqlWaits implements ServerWaits {

    private static final String TRX = "SELECT trx_mysql_thread_id FROM information_schema.INNODB_TRX"
            + " WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id IN (%s)";
    private static final String WAITS = "SELECT r.trx_mysql_thread_id, b.trx_mysql_thread_id"
            + " FROM information_schema.INNODB_LOCK_WAITS w"
            + " JOIN information_schema.INNODB_TRX r ON r.trx_id = w.requesting_trx_id"
            + " JOIN information_schema.INNODB_TRX b ON b.trx_id = w.blocking_trx_id"
            + " WHERE r.trx_mysql_thread_id IN (%s)";
    private static final String OTHER_LOCKS = "SELECT ID FROM information_schema.PROCESSLIST WHERE ID IN (%s)"
            + " AND (STATE = 'User lock' OR STATE LIKE 'Waiting for%%lock')";

    /** More than InnoDB's 0.1 s cache idle time. */
    private static final long GAP_NANOS = 130_000_000L;

    private final Connection observer;
    private boolean lockWaitsTable = true;
    private long lastRead = System.nanoTime() - GAP_NANOS;

    MySqlWaits(Connection observer) {
        this.observer = observer;
    }

    @Override
    public Map<Long, List<Long>> blocked(List<Long> sessions) throws SQLException {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (sessions.isEmpty()) {
            return out;
        }
        String ids = sessions.stream().map(String::valueOf).collect(Collectors.joining(","));
        long wait = lastRead + GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to read InnoDB's lock waits", e);
            }
        }
        try (Statement s = observer.createStatement()) {
            try (ResultSet rs = s.executeQuery(String.format(TRX, ids))) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new ArrayList<>());
                }
            }
            try (ResultSet rs = s.executeQuery(String.format(OTHER_LOCKS, ids))) {
                while (rs.next()) {
                    out.putIfAbsent(rs.getLong(1), new ArrayList<>());
                }
            }
            if (!out.isEmpty() && lockWaitsTable) {
                try (ResultSet rs = s.executeQuery(String.format(WAITS, ids))) {
                    while (rs.next()) {
                        List<Long> b = out.get(rs.getLong(1));
                        long blocker = rs.getLong(2);
                        if (b != null && !b.contains(blocker)) {
                            b.add(blocker);
                        }
                    }
                } catch (SQLException e) {
                    lockWaitsTable = false; // MySQL 8 has no INNODB_LOCK_WAITS: blocked, blocker unnamed
                }
            }
        } finally {
            lastRead = System.nanoTime();
        }
        return out;
    }
}
