package com.example.tags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A plain-JDBC DAO for {@code tag (id, name unique)}, with the get-or-create most code starts
 * with and one that survives concurrent callers in autocommit. Standard SQL: PostgreSQL, MariaDB
 * and MySQL.
 */
public final class TagDao {

    /** What a get-or-create answered. */
    public record Result(long id, boolean created) {
    }

    /** Racy: SELECT, on a miss INSERT. Two callers that both miss both insert; one gets a duplicate key. */
    public Result racyGetOrCreate(Connection c, String name) throws SQLException {
        Long id = select(c, name);
        return id != null ? new Result(id, false) : new Result(insert(c, name), true);
    }

    /**
     * Safe in autocommit and inside READ COMMITTED transactions: SELECT; on a miss INSERT (in a
     * savepoint when a transaction is open); on a duplicate key SELECT the winner's row. Not safe
     * inside a REPEATABLE READ transaction that read the key before: the winner's row is not in
     * its snapshot (the tests show it).
     */
    public Result getOrCreate(Connection c, String name) throws SQLException {
        Long id = select(c, name);
        if (id != null) {
            return new Result(id, false);
        }
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            long created = insert(c, name);
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return new Result(created, true);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState()) && e.getErrorCode() != 1062) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            Long winner = select(c, name);
            if (winner == null) {
                throw new SQLException("tag '" + name + "' conflicted on insert but was not found when read again", e);
            }
            return new Result(winner, false);
        }
    }

    private static Long select(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM tag WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insert(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tag (name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
