package io.github.gocbench.benchmarks;

import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Provision;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetInfo;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TargetUnavailableException;
import io.github.gocbench.server.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server a benchmark runs against, shared by all its threads.
 *
 * <p>{@code db} picks the family. Without further ado that is an embedded server, started once
 * per JVM, so once per JMH fork. A real server is chosen by system property, as everywhere else
 * in goc-bench: {@code -Dgoc.postgres.url=...} / {@code -Dgoc.mariadb.url=...} /
 * {@code -Dgoc.mysql.url=...} for one family, or {@code -Dgoc.db.url=...} for whichever
 * {@code db} is run (with {@code goc.db.user} / {@code goc.db.password} overriding the URL's).
 * JMH forks inherit the host JVM's {@code -D} options.
 *
 * <p>{@code durable} is the PostgreSQL durability the result claims: {@code true} means
 * {@code fsync} on and {@code synchronous_commit} not off. For embedded PostgreSQL it is a
 * request, passed on as {@code goc.pg.durable} before the server starts (zonky's default is not
 * durable). For a PostgreSQL URL it must match what the server runs, or the trial fails with a
 * message saying which value to pass, so a result is never labelled with the wrong durability.
 * With forks(0) the embedded server of an earlier trial may already run with the other value;
 * that is refused the same way. MariaDB/MySQL run with the durability they have
 * ({@code innodb_flush_log_at_trx_commit} is recorded); {@code durable} is ignored for them.
 *
 * <p>With {@code -Dgoc.jmh.servers=FILE} each trial adds the server's product, version,
 * provision and recorded settings to that JSON file ({@link ServersFile}).
 */
@State(Scope.Benchmark)
public class DbState {

    /** Generic URL, used for any {@code db} without a family-specific one. */
    public static final String URL_PROPERTY = "goc.db.url";
    public static final String USER_PROPERTY = "goc.db.user";
    public static final String PASSWORD_PROPERTY = "goc.db.password";
    /** Embedded PostgreSQL major version (14..18); default: the targets layer's default. */
    public static final String PG_VERSION_PROPERTY = "goc.pg.version";
    /** Read by the targets layer when it starts embedded PostgreSQL. */
    public static final String PG_DURABLE_PROPERTY = "goc.pg.durable";
    /** Where to record the servers' settings; unset: not recorded. */
    public static final String SERVERS_FILE_PROPERTY = "goc.jmh.servers";

    @Param({"postgres", "mariadb"})
    public String db;

    @Param({"false"})
    public String durable;

    Target target;
    Dialect dialect;

    @Setup(Level.Trial)
    public void open() throws TargetUnavailableException, IOException {
        DbFamily family = DbFamily.parse(db);
        boolean wantDurable = parseBoolean("durable", durable);
        String url = firstSet("goc." + family.cliName() + ".url", URL_PROPERTY);
        if (url == null && family == DbFamily.POSTGRES) {
            // before the first start in this JVM; a running server is checked below
            System.setProperty(PG_DURABLE_PROPERTY, Boolean.toString(wantDurable));
        }
        TargetSpec spec = url == null
                ? new TargetSpec(family, null, null, null, Integer.getInteger(PG_VERSION_PROPERTY, 0), null)
                : new TargetSpec(family, url, System.getProperty(USER_PROPERTY),
                        System.getProperty(PASSWORD_PROPERTY), 0, Provision.URL);
        target = Targets.open(spec);
        dialect = target.dialect();
        TargetInfo info = target.info();
        if (family == DbFamily.POSTGRES) {
            boolean actual = pgDurable(info.settings());
            if (actual != wantDurable) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s runs fsync=%s synchronous_commit=%s, which is durable=%s, but the benchmark says "
                                + "durable=%s: pass -p durable=%s%s",
                        target, info.settings().get("fsync"), info.settings().get("synchronous_commit"),
                        actual, wantDurable, actual,
                        url == null ? " or run with forks >= 1 (one embedded server per JVM)" : ""));
            }
        }
        String servers = System.getProperty(SERVERS_FILE_PROPERTY);
        if (servers != null && !servers.isBlank()) {
            // durable is a PostgreSQL label; the key leaves it out where it is ignored
            String key = db + "/" + info.provision().cliName()
                    + (family == DbFamily.POSTGRES ? "/durable=" + durable : "");
            ServersFile.record(Path.of(servers), key, info);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (target != null) {
            target.close();
        }
    }

    /** PostgreSQL's durability as recorded: fsync on and synchronous_commit not off. */
    static boolean pgDurable(Map<String, String> settings) {
        return "on".equals(settings.get("fsync")) && !"off".equals(settings.get("synchronous_commit"));
    }

    private static String firstSet(String... properties) {
        for (String p : properties) {
            String v = System.getProperty(p);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " '" + value + "': use true or false");
        };
    }
}
