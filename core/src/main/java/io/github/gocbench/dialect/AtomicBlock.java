package io.github.gocbench.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Runs a block of statements atomically, the way Django's {@code transaction.atomic} does: in
 * its own transaction when the connection is in autocommit mode (committed at the end, autocommit
 * restored), or in a savepoint when the caller already has a transaction open (released at the
 * end; the outer transaction is never committed or rolled back here). On any failure the block's
 * work is rolled back (the transaction, or to the savepoint) before the failure is rethrown
 * unchanged; a failing rollback is attached as suppressed.
 */
public final class AtomicBlock {

    /** A block of JDBC work returning a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private AtomicBlock() {
    }

    /** Runs {@code work} atomically on {@code connection}; see the class comment. */
    public static <T> T run(Connection connection, Work<T> work) throws SQLException {
        return connection.getAutoCommit() ? ownTransaction(connection, work) : savepoint(connection, work);
    }

    private static <T> T ownTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        Throwable failure = null;
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException restore) {
                if (failure == null) {
                    throw restore;
                }
                failure.addSuppressed(restore);
            }
        }
    }

    private static <T> T savepoint(Connection connection, Work<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                // MySQL: a deadlock rolls back the whole transaction and the savepoint with it
                // (error 1305 here); the caller must roll back the outer transaction anyway.
                connection.rollback(savepoint);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }
}
