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
}
