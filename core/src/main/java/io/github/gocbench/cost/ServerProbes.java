package io.github.gocbench.cost;

import io.github.gocbench.dialect.DbFamily;
import java.sql.Connection;

/** The probe for a server family. */
public final class ServerProbes {

    private ServerProbes() {
    }

    /** The probe for {@code family}, asking the server behind {@code c} what it needs to know (its version). */
    public static ServerProbe of(DbFamily family, Connection c) {
        return family == DbFamily.POSTGRES ? PostgresProbe.of(c) : new MySqlProbe();
    }

    /**
     * The probe for {@code family} built without asking the server anything, for a run whose
     * probes are off ({@code --no-cost}): it names the figures that are then unavailable.
     */
    public static ServerProbe unasked(DbFamily family) {
        return family == DbFamily.POSTGRES ? new PostgresProbe(0) : new MySqlProbe();
    }
}
