package io.github.gocbench.engine;

import io.github.gocbench.server.Target;
import io.github.gocbench.strategy.Isolation;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections configured for a run: server-side bounds, isolation, autocommit. */
final class Sessions {

    private Sessions() {
    }

    /** A new connection with the run's session bounds and isolation, in autocommit mode. */
    static Connection open(Target target, RunConfig config) throws SQLException {
        Connection c = target.connect();
        try {
            Bounds b = config.bounds();
            target.dialect().applySessionBounds(c, b.statementTimeout(), b.lockTimeout());
            Isolation isolation = config.conditions().isolation();
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

    static void closeQuietly(Connection c) {
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
