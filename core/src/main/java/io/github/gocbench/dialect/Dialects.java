package io.github.gocbench.dialect;

import io.github.gocbench.dialect.mysql.MySqlDialect;
import io.github.gocbench.dialect.postgres.PostgresDialect;

/** The dialect for each server family: PostgreSQL has its own; MariaDB and MySQL share one. */
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
