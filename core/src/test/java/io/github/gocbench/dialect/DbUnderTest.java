package io.github.gocbench.dialect;

import io.github.gocbench.dialect.mysql.MySqlDialect;
import io.github.gocbench.dialect.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * A real server the dialect and strategy ITs run against, with its dialect.
 *
 * <p>Until {@code Targets.open} exists these are the machine's PostgreSQL 15 and MariaDB 10.11
 * services, reached with plain {@link DriverManager} connections; then this becomes
 * {@code TestTargets.specs()} opened through {@code TestTargets.open(spec)}.
 *
 * @param name    display name for parameterized tests
 * @param url     JDBC URL
 * @param dialect the server family's dialect
 */
public record DbUnderTest(String name, String url, Dialect dialect) {

    /** Every server the ITs cover. */
    public static List<DbUnderTest> all() {
        return List.of(
                new DbUnderTest("postgres/service", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                        new PostgresDialect()),
                new DbUnderTest("mariadb/service", "jdbc:mysql://127.0.0.1:3306/test?user=root",
                        new MySqlDialect()));
    }

    /** A new autocommit connection with the dialect's connection properties. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.putAll(dialect.connectionProperties());
        return DriverManager.getConnection(url, props);
    }

    /** True for the MySQL/MariaDB dialect. */
    public boolean isMySql() {
        return dialect.id().equals("mysql");
    }

    @Override
    public String toString() {
        return name;
    }
}
