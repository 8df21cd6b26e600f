package io.github.gocbench.dialect;

import io.github.gocbench.server.Target;
import io.github.gocbench.server.TestTargets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A real server the dialect and strategy ITs run against: every {@link TestTargets#specs()}
 * target (embedded PostgreSQL, embedded MariaDB, and the {@code GOC_*_URL} servers), opened once
 * per JVM through {@link TestTargets#open}.
 *
 * @param name   display name for parameterized tests, e.g. {@code postgres/embedded}
 * @param target the opened target
 */
public record DbUnderTest(String name, Target target) {

    /** Every server the ITs cover. */
    public static List<DbUnderTest> all() {
        return TestTargets.specs().stream()
                .map(spec -> new DbUnderTest(TestTargets.name(spec), TestTargets.open(spec)))
                .toList();
    }

    /** The server family's dialect. */
    public Dialect dialect() {
        return target.dialect();
    }

    /** A new autocommit connection (the target adds the dialect's connection properties). */
    public Connection connect() throws SQLException {
        return target.connect();
    }

    /** True for the MySQL/MariaDB dialect. */
    public boolean isMySql() {
        return dialect().id().equals("mysql");
    }

    @Override
    public String toString() {
        return name;
    }
}
