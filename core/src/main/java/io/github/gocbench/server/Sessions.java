package io.github.gocbench.server;

import io.github.gocbench.strategy.Isolation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Opens the connections a run or an explanation calls on: the server-side statement and lock
 * timeouts (so no statement outlives its bound on the server either), the isolation asked for,
 * autocommit. One place for both, so {@code goc race} and {@code goc explain} open the same session.
 */
public final class Sessions {

    private Sessions() {
    }

    /**
     * A new connection to {@code target} with these server-side bounds and {@code isolation}
     * ({@code null}: the server's default), in autocommit mode; closed again when any step fails.
     */
    public static Connection open(Target target, Duration statementTimeout, Duration lockTimeout,
                                  Isolation isolation) throws SQLException {
        Connection c = target.connect();
        try {
            target.dialect().applySessionBounds(c, statementTimeout, lockTimeout);
            if (isolation != null) {
                c.setTransactionIsolation(isolation.jdbcLevel());
            }
            c.setAutoCommit(true);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Closes {@code c} ({@code null} allowed), ignoring what a broken connection throws on close. */
    public static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // closing a broken connection: nothing left to do
        }
    }
}
