package io.github.gocbench.dialect;

import io.github.gocbench.strategy.Isolation;
import java.util.Locale;

/** The server family a user picks with {@code --db}. */
public enum DbFamily {
    POSTGRES,
    MARIADB,
    MYSQL;

    /** The name users type: {@code postgres}, {@code mariadb}, {@code mysql}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The isolation the catalogue's {@link io.github.gocbench.strategy.Situation#AUTOCOMMIT}
     * declarations assume for this family: the shipped server default (PostgreSQL READ COMMITTED,
     * InnoDB REPEATABLE READ). A server configured otherwise is graded as not declared.
     */
    public Isolation declaredDefaultIsolation() {
        return this == POSTGRES ? Isolation.READ_COMMITTED : Isolation.REPEATABLE_READ;
    }

    /** Parses a {@code --db} value; throws with the valid names when unknown. */
    public static DbFamily parse(String s) {
        for (DbFamily f : values()) {
            if (f.cliName().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown database '" + s + "': use postgres, mariadb or mysql");
    }
}
