package io.github.gocbench.dialect;

import io.github.gocbench.strategy.NotFoundAfterConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The JDBC steps the strategies share: run one of their statements with the key bound as its only
 * parameter and read back a row id. The SQL stays in each strategy's own file; only the
 * prepare/bind/execute/read mechanics live here, so a strategy's body shows its decisions (what
 * to run, in which order, atomically or not, what an error means) and nothing else.
 *
 * <p>Each method prepares, runs and closes one statement; an {@link SQLException} from the server
 * is thrown unchanged. The only failure of their own is {@link #readBack}'s
 * {@link NotFoundAfterConflictException} (outcome {@code NOT_FOUND_AFTER_CONFLICT}).
 */
public final class KeyRows {

    private KeyRows() {
    }

    /**
     * Runs the query {@code sql} (a {@code SELECT id …}, or PostgreSQL's
     * {@code INSERT … ON CONFLICT DO NOTHING RETURNING id}) with {@code key} bound to its one
     * parameter: column 1 of the first row, or {@code null} when there is no row.
     */
    public static Long queryId(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Reads the key back after this call lost the insert race (the INSERT failed on the duplicate,
     * {@code conflict}, or the server ignored it, {@code null}): runs {@code sql} like
     * {@link #queryId} and answers the id, or throws {@link NotFoundAfterConflictException} (cause
     * {@code conflict}) when the row is not visible to this read.
     */
    public static long readBack(Connection connection, String sql, long key, SQLException conflict)
            throws SQLException {
        Long id = queryId(connection, sql, key);
        if (id == null) {
            throw new NotFoundAfterConflictException(key, conflict);
        }
        return id;
    }

    /**
     * Runs PostgreSQL's {@code INSERT … RETURNING id} {@code sql} with {@code key} bound to its one
     * parameter (a query, so {@code executeQuery}) and answers the returned id.
     */
    public static long insertReturningId(Connection connection, String sql, long key) throws SQLException {
        Long id = queryId(connection, sql, key);
        if (id == null) {
            throw new SQLException("no row came back from INSERT ... RETURNING id, key " + key);
        }
        return id;
    }

    /**
     * Runs the MySQL {@code INSERT} {@code sql} with {@code key} bound to its one parameter
     * ({@code executeUpdate} with {@link Statement#RETURN_GENERATED_KEYS}) and answers the
     * AUTO_INCREMENT id the driver reports in the generated keys.
     */
    public static long insertGeneratedId(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, key);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
