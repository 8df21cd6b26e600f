package io.github.gocbench.target;

/**
 * Opens targets: a JDBC URL when one is given, otherwise an embedded server (PostgreSQL,
 * MariaDB), otherwise a Testcontainers container when a Docker engine is reachable.
 */
public final class Targets {

    private Targets() {
    }

    /**
     * Opens the target {@code spec} describes.
     *
     * @throws TargetUnavailableException with one line that says what is wrong and what to do
     */
    public static Target open(TargetSpec spec) throws TargetUnavailableException {
        throw new UnsupportedOperationException("TODO targets");
    }
}
