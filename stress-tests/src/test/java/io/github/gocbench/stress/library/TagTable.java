package io.github.gocbench.stress.library;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Target;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A user's table {@code tag (id, name)} on one real server, with the get-or-creates a user might
 * write for it, racy and safe. Each instance creates its own table (a random name) and drops it
 * on {@link #drop()}.
 */
final class TagTable {

    final Target target;
    final DataSource db;
    final String name;
    final boolean postgres;

    TagTable(Target target, boolean unique) throws SQLException {
        this.target = target;
        this.db = new TargetDataSource(target);
        this.name = "lib_tag_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        this.postgres = target.info().family() == DbFamily.POSTGRES;
        String id = postgres ? "id bigserial PRIMARY KEY" : "id bigint AUTO_INCREMENT PRIMARY KEY";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " (" + id + ", name varchar(100) NOT NULL" + (unique ? " UNIQUE" : "")
                    + ")");
        }
    }

    void drop() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + name);
        }
    }

    /** The row count query the races check with. */
    String countSql() {
        return "SELECT count(*) FROM " + name + " WHERE name = ?";
    }

    Long select(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + name + " WHERE name = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    long insert(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name + " (name) VALUES (?)",
                new String[] {"id"})) {
            ps.setString(1, key);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Racy: SELECT, on a miss INSERT. With the unique key, the losers get a duplicate key. */
    Long naive(Connection c, String key) throws SQLException {
        Long id = select(c, key);
        return id != null ? id : insert(c, key);
    }

    /**
     * Racy without a unique key, yet every caller answers the same id: SELECT, on a miss INSERT,
     * then answer the smallest id for the name. Only the table shows the duplicates.
     */
    Long naiveSmallestId(Connection c, String key) throws SQLException {
        if (select(c, key) == null) {
            insert(c, key);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT min(id) FROM " + name + " WHERE name = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Safe without a unique key: the same SELECT-then-INSERT serialized per key by an advisory
     * lock held for the transaction ({@code pg_advisory_xact_lock}; MariaDB {@code GET_LOCK}).
     */
    Long locked(Connection c, String key) throws SQLException {
        c.setAutoCommit(false);
        try {
            lock(c, key);
            Long id = naive(c, key);
            c.commit();
            if (!postgres) {
                try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, name + key);
                    ps.executeQuery().close();
                }
            }
            return id;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void lock(Connection c, String key) throws SQLException {
        String sql = postgres ? "SELECT pg_advisory_xact_lock(hashtext(?))" : "SELECT GET_LOCK(?, 20)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name + key);
            ps.executeQuery().close();
        }
    }

    /**
     * Safe with the unique key in autocommit: INSERT (in a savepoint when a transaction is open);
     * on a duplicate key, SELECT the winner's row. Inside a REPEATABLE READ transaction that read
     * the key before, the winner's row is not in the snapshot: the re-read finds nothing.
     */
    Long insertThenSelect(Connection c, String key) throws SQLException {
        Long id = select(c, key);
        if (id != null) {
            return id;
        }
        var savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            long created = insert(c, key);
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            return created;
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            if (savepoint != null) {
                c.rollback(savepoint);
            }
            Long winner = select(c, key);
            if (winner == null) {
                throw new SQLException("key " + key + " conflicted on insert but was not found when read again",
                        "GC001");
            }
            return winner;
        }
    }

    /** MariaDB's upsert: one statement, safe also inside a REPEATABLE READ transaction. */
    Long upsertMariaDb(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name + " (name) VALUES (?)"
                + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)");
             Statement s = c.createStatement()) {
            ps.setString(1, key);
            ps.executeUpdate();
            try (ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
    }

    /** A DataSource over a goc target: every connection new, in autocommit. */
    private record TargetDataSource(Target target) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return target.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target.connect();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
