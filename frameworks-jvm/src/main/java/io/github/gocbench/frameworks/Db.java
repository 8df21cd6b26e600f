package io.github.gocbench.frameworks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The two server families the strategies run on, read from the connection's metadata. */
public enum Db {
    POSTGRES, MARIADB_MYSQL;

    /** The family of the server {@code connection} talks to. */
    public static Db of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? POSTGRES : MARIADB_MYSQL;
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for a table of generated {@code id} and unique natural key {@code k}. */
    public String createKeyTable(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " ("
                + (this == POSTGRES ? "id bigserial" : "id bigint AUTO_INCREMENT")
                + " PRIMARY KEY, k bigint NOT NULL UNIQUE)";
    }
}
