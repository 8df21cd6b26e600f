package io.github.gocbench.explain;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Asks the server which sessions wait for a lock, and on whom: the scheduler's way of telling a
 * step that is still running from one that is blocked (PostgreSQL's isolation tester does the
 * same with {@code pg_isolation_test_session_is_blocked}).
 */
interface ServerWaits {

    /**
     * Of {@code sessions}, those waiting for a lock now, each with the sessions it waits for
     * (empty when the server does not say).
     */
    Map<Long, List<Long>> blocked(List<Long> sessions) throws SQLException;

    /** The waits query for the dialect {@code dialectId} ({@code postgres} or {@code mysql}), on {@code observer}. */
    static ServerWaits of(String dialectId, Connection observer) {
        return "postgres".equals(dialectId) ? new PostgresWaits(observer) : new MySqlWaits(observer);
    }
}
