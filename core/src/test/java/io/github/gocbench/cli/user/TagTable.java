package io.github.gocbench.cli.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A user's own table {@code user_tag (id, name unique)}, on PostgreSQL or MariaDB/MySQL. */
final class TagTable {

    private TagTable() {
    }

    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    static void create(Connection c) throws SQLException {
        String id = postgres(c) ? "id bigserial PRIMARY KEY" : "id bigint AUTO_INCREMENT PRIMARY KEY";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS user_tag (" + id + ", name varchar(100) NOT NULL UNIQUE)");
        }
    }

    static Long select(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM user_tag WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static long insert(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_tag (name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
