package io.github.gocbench.framework;

import io.github.gocbench.dialect.mysql.MySqlOutcomes;
import io.github.gocbench.dialect.postgres.PostgresOutcomes;
import io.github.gocbench.outcome.Outcome;
import java.sql.SQLException;

/**
 * The two SQL families a framework replay is written for: the dialect ids of goc's dialects
 * ({@code postgres}; {@code mysql} for MySQL and MariaDB). Whether an error is the unique violation
 * a framework rescues is answered by the dialect's own SQLState table, not re-decided here.
 */
public enum Flavor {
    POSTGRES("postgres"),
    MYSQL("mysql");

    private final String dialectId;

    Flavor(String dialectId) {
        this.dialectId = dialectId;
    }

    /** The id of the goc dialect this flavour replays on. */
    public String dialectId() {
        return dialectId;
    }

    /** The flavour for a goc dialect id, or {@code null} for a dialect no framework replay serves. */
    public static Flavor of(String dialectId) {
        for (Flavor f : values()) {
            if (f.dialectId.equals(dialectId)) {
                return f;
            }
        }
        return null;
    }

    /** True when {@code e} is the unique violation (23505 / 1062) a framework turns into its own exception. */
    boolean isDuplicate(SQLException e) {
        Outcome o = this == POSTGRES ? PostgresOutcomes.classify(e) : MySqlOutcomes.classify(e);
        return o == Outcome.DUPLICATE_KEY;
    }
}
