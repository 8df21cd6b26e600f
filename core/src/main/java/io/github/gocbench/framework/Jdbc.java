package io.github.gocbench.framework;

import io.github.gocbench.dialect.KeyRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prepare/bind/execute mechanics for statements with more than the one key parameter
 * {@link KeyRows} binds (Rails' doubled {@code WHERE k = ? AND k = ?}, an {@code UPDATE … WHERE id = ?}).
 */
final class Jdbc {

    private Jdbc() {
    }

    /** Column 1 of the first row of query {@code sql} with {@code params} bound in order, or {@code null}. */
    static Long queryId(Connection connection, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Runs the update {@code sql} with {@code params} bound in order; answers the update count. */
    static int update(Connection connection, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** The new row's id: {@code INSERT … RETURNING} on PostgreSQL, the generated key on MySQL. */
    static long insertId(Flavor flavor, Connection connection, String sql, long key) throws SQLException {
        return flavor == Flavor.POSTGRES ? KeyRows.insertReturningId(connection, sql, key)
                : KeyRows.insertGeneratedId(connection, sql, key);
    }

    private static void bind(PreparedStatement ps, long[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setLong(i + 1, params[i]);
        }
    }
}
