package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.dialect.mysql.MySqlDialect;
import io.github.gocbench.dialect.postgres.PostgresDialect;

/**
 * The dialect for each server family: PostgreSQL has its own; MariaDB and MySQL share one. It lives
 * here, above both dialects, so that {@code dialect} (which they build on) knows neither of them.
 */
public final class Dialects {

    private Dialects() {
    }

    /** A dialect for {@code family}. */
    public static Dialect of(DbFamily family) {
        return switch (family) {
            case POSTGRES -> new PostgresDialect();
            case MARIADB, MYSQL -> new MySqlDialect();
        };
    }
}
