package io.github.gocbench.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Real servers that log every statement, and the reading of one session's statements back from
 * those logs: an embedded PostgreSQL started here with {@code log_statement=all} and the logging
 * collector, and the embedded MariaDB with its general log on ({@code log_output=TABLE}). A test
 * marks the start of the call it checks with {@link #markStart} on the calling connection, and
 * {@link #endCall} marks its end and reads what the server logged in between. Shared by the replays'
 * statement-log test and the JVM framework clients' one (frameworks-jvm, through core's test jar).
 */
public final class StatementLogServers implements AutoCloseable {

    private static final String START = "SELECT 'goc-log-start'";
    private static final String END = "SELECT 'goc-log-end'";
    private static final Pattern PID_PREFIX = Pattern.compile("pid\\d+:");

    private final Path pgLogDir;
    private final EmbeddedPostgres pg;
    private final Target mariadb;

    private StatementLogServers(Path pgLogDir, EmbeddedPostgres pg, Target mariadb) {
        this.pgLogDir = pgLogDir;
        this.pg = pg;
        this.mariadb = mariadb;
    }

    /** Starts the logging PostgreSQL and turns the general log of the shared embedded MariaDB on. */
    public static StatementLogServers start() throws IOException, SQLException {
        Path dir = Files.createTempDirectory("goc-pg-log");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr")
                .setServerConfig("log_directory", dir.toString())
                .setServerConfig("log_filename", "statements.log")
                .setServerConfig("log_statement", "all")
                .setServerConfig("log_line_prefix", "pid%p:") // zonky drops a "|" from the value
                .start();
        Target mariadb = TestTargets.open(TargetSpec.of(DbFamily.MARIADB));
        try (Connection c = mariadb.connect(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("SET GLOBAL general_log = 1");
        }
        return new StatementLogServers(dir, pg, mariadb);
    }

    /** Turns MariaDB's general log off (and empties it) and stops the logging PostgreSQL. */
    @Override
    public void close() throws IOException, SQLException {
        try (Connection c = mariadb.connect(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL general_log = 0");
            s.execute("TRUNCATE TABLE mysql.general_log");
        } finally {
            pg.close();
        }
    }

    /** A new connection to the logging server of {@code family} (POSTGRES, or MARIADB / MYSQL: the MariaDB). */
    public Connection connect(DbFamily family) throws SQLException {
        if (family != DbFamily.POSTGRES) {
            return mariadb.connect();
        }
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), p);
    }

    /** Logs the start marker on {@code c}: {@link #endCall} returns what follows it. */
    public static void markStart(Connection c) throws SQLException {
        mark(c, START);
    }

    /**
     * Ends the checked call on {@code c} and returns what its session logged since {@link #markStart}:
     * logs the end marker (a PostgreSQL transaction the call left aborted, 25P02, refuses it, but the
     * server still logs it as the refused statement, which is read), and when the call ran inside the
     * caller's transaction ({@code inTx}) rolls that back and restores autocommit.
     */
    public List<String> endCall(Connection c, DbFamily family, boolean inTx)
            throws SQLException, IOException, InterruptedException {
        try {
            mark(c, END);
        } catch (SQLException aborted) {
            assertThat(inTx && family == DbFamily.POSTGRES).as("end marker refused: %s", aborted).isTrue();
        }
        if (inTx) {
            c.rollback();
            c.setAutoCommit(true);
        }
        return logged(c, family);
    }

    private static void mark(Connection c, String marker) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(marker)) {
            rs.next();
        }
    }

    /**
     * The statements the session of {@code c} logged between its last start marker and the end
     * marker after it, as the server logged them. {@code c} must be usable (not in an aborted
     * transaction): its session id is read on it.
     */
    private List<String> logged(Connection c, DbFamily family) throws SQLException, IOException, InterruptedException {
        return family == DbFamily.POSTGRES ? pgLog(c) : mariadbLog(c);
    }

    /** The statements this session logged between the markers, from the general log table. */
    private List<String> mariadbLog(Connection c) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Connection admin = mariadb.connect();
             PreparedStatement ps = admin.prepareStatement("SELECT argument FROM mysql.general_log"
                     + " WHERE thread_id = ? AND command_type IN ('Query', 'Execute')")) {
            ps.setLong(1, connectionId(c));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return between(all);
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The statements this backend logged between the markers: {@code statement:} and
     * {@code execute <name>:} lines, plus the text of a statement refused because the transaction was
     * already aborted (PostgreSQL refuses it before it would log it as executed).
     */
    private List<String> pgLog(Connection c) throws SQLException, IOException, InterruptedException {
        int pid;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        String prefix = "pid" + pid + ":";
        Path file = pgLogDir.resolve("statements.log");
        for (int i = 0; i < 200; i++) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            List<String> all = new ArrayList<>();
            boolean aborted = false;
            for (String entry : entries(lines)) {
                if (!entry.startsWith(prefix)) {
                    continue;
                }
                String rest = entry.substring(prefix.length());
                if (rest.startsWith("LOG:  statement: ")) {
                    all.add(rest.substring("LOG:  statement: ".length()));
                } else if (rest.startsWith("LOG:  execute ")) {
                    all.add(rest.substring(rest.indexOf(": ", "LOG:  execute ".length()) + 2));
                } else if (rest.startsWith("ERROR:  current transaction is aborted")) {
                    aborted = true;
                } else if (aborted && rest.startsWith("STATEMENT:  ")) {
                    all.add(rest.substring("STATEMENT:  ".length()));
                    aborted = false;
                }
            }
            if (all.stream().anyMatch(s -> Statements.normalize(s).equals(Statements.normalize(END)))) {
                return between(all);
            }
            Thread.sleep(50); // the logging collector writes asynchronously
        }
        throw new IllegalStateException("end marker of backend " + pid + " never reached " + file);
    }

    /**
     * The log's entries: a line with the {@code pid<n>:} prefix and the lines after it without one
     * (the rest of a statement that spans lines, e.g. the driver's {@code \nRETURNING "id"}), joined
     * by a newline.
     */
    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            if (PID_PREFIX.matcher(line).lookingAt() || entries.isEmpty()) {
                entries.add(line);
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
            }
        }
        return entries;
    }

    /** The entries after the last start marker and before the end marker after it. */
    private static List<String> between(List<String> all) {
        String start = Statements.normalize(START);
        String end = Statements.normalize(END);
        int from = -1;
        for (int i = 0; i < all.size(); i++) {
            if (Statements.normalize(all.get(i)).equals(start)) {
                from = i;
            }
        }
        assertThat(from).as("start marker in the log").isNotNegative();
        List<String> out = new ArrayList<>();
        for (int i = from + 1; i < all.size(); i++) {
            if (Statements.normalize(all.get(i)).equals(end)) {
                return out;
            }
            out.add(all.get(i));
        }
        throw new AssertionError("no end marker after the start marker: " + all);
    }
}
