package io.github.gocbench.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.dialect.Dialect;
import io.github.gocbench.dialect.Dialects;
import io.github.gocbench.server.Target;
import io.github.gocbench.server.TargetSpec;
import io.github.gocbench.server.TestTargets;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds every framework replay to the statements it declares ({@link Replay#statements}), read back
 * from the server's own log for one uncontended call per situation (autocommit, inside an open
 * transaction that already read the key) and per {@link io.github.gocbench.framework.Path}: an
 * embedded PostgreSQL started here with {@code log_statement=all} and the logging collector, and the
 * embedded MariaDB's general log ({@code log_output=TABLE}), filtered to the calling session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementLogIT {

    private static final Table TABLE = new Table("goc_fw_log", true);
    private static final String START = "SELECT 'goc-log-start'";
    private static final String END = "SELECT 'goc-log-end'";

    private final AtomicLong keys = new AtomicLong(1000);
    private Path pgLogDir;
    private EmbeddedPostgres pg;
    private Target mariadb;

    @BeforeAll
    void start() throws Exception {
        pgLogDir = Files.createTempDirectory("goc-pg-log");
        pg = EmbeddedPostgres.builder()
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_destination", "stderr")
                .setServerConfig("log_directory", pgLogDir.toString())
                .setServerConfig("log_filename", "statements.log")
                .setServerConfig("log_statement", "all")
                .setServerConfig("log_line_prefix", "pid%p:") // zonky drops a "|" from the value
                .start();
        mariadb = TestTargets.open(TargetSpec.of(DbFamily.MARIADB));
        try (Connection c = mariadb.connect(); Statement s = c.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("SET GLOBAL general_log = 1");
        }
        try (Connection c = connect(Flavor.POSTGRES)) {
            Dialects.of(DbFamily.POSTGRES).resetSchema(c, TABLE);
        }
        try (Connection c = connect(Flavor.MYSQL)) {
            Dialects.of(DbFamily.MARIADB).resetSchema(c, TABLE);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (mariadb != null) {
            try (Connection c = mariadb.connect(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL general_log = 0");
                s.execute("TRUNCATE TABLE mysql.general_log");
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (FrameworkDef def : Frameworks.all()) {
            for (Flavor f : Flavor.values()) {
                if (def.replays().containsKey(f)) {
                    for (boolean inTx : new boolean[] {false, true}) {
                        for (io.github.gocbench.framework.Path p : io.github.gocbench.framework.Path.values()) {
                            cases.add(Arguments.of(def.id(), f, inTx ? "in-transaction" : "autocommit", p));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void serverLogShowsTheDeclaredStatements(String id, Flavor flavor, String situation,
                                             io.github.gocbench.framework.Path path) throws Exception {
        boolean inTx = situation.equals("in-transaction");
        Replay replay = Frameworks.def(id).orElseThrow().replay(flavor, TABLE);
        long key = keys.incrementAndGet();
        try (Connection admin = connect(flavor); Connection c = connect(flavor)) {
            if (path == io.github.gocbench.framework.Path.FOUND) {
                insertCommitted(admin, key);
            }
            boundLockWaits(admin, flavor);
            List<String> blocked = new ArrayList<>();
            SideEffect hook = path == io.github.gocbench.framework.Path.CONFLICT
                    ? k -> {
                        try {
                            insertCommitted(admin, k);
                        } catch (IllegalStateException e) {
                            blocked.add(e.getMessage());
                        }
                    } : SideEffect.NONE;
            if (inTx) {
                c.setAutoCommit(false);
                readKey(c, key); // the outer transaction has read the key, as goc's --outer-tx does
            }
            mark(c, START);
            Got got = null;
            SQLException failed = null;
            try {
                got = replay.getOrCreate(c, key, hook);
            } catch (SQLException e) {
                failed = e;
            }
            List<String> expected = replay.statements(inTx, path);
            try {
                mark(c, END);
            } catch (SQLException aborted) {
                // a PostgreSQL transaction the call left aborted (25P02) refuses the marker; the server
                // still logs it as the refused statement, which pgLog reads
                assertThat(inTx && flavor == Flavor.POSTGRES).as("end marker refused: %s", aborted).isTrue();
            }
            if (inTx) {
                c.rollback();
                c.setAutoCommit(true);
            }
            Assumptions.assumeTrue(blocked.isEmpty(), () -> "the call's own locks (a FOR UPDATE gap lock) block"
                    + " another session's INSERT of the key, so no conflict can be forced: " + blocked);
            List<String> logged = flavor == Flavor.POSTGRES ? pgLog(c) : mariadbLog(c);
            assertThat(Statements.normalize(logged))
                    .as("server log of %s %s %s %s (call ended with %s)", id, flavor, situation, path,
                            failed == null ? got : failed.toString())
                    .containsExactlyElementsOf(Statements.normalize(expected));
            if (path == io.github.gocbench.framework.Path.CREATED && replay.tellsCreated()) {
                assertThat(got).as("created path answer (failure: %s)", failed).isNotNull();
                assertThat(got.created()).isTrue();
            }
            if (path == io.github.gocbench.framework.Path.FOUND && failed == null) {
                assertThat(got.created()).as("found path answer").isFalse();
            }
        }
    }

    private Connection connect(Flavor flavor) throws SQLException {
        if (flavor == Flavor.MYSQL) {
            return mariadb.connect();
        }
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), p);
    }

    /** Two seconds: the hook's INSERT must not wait long behind the call's own locks. */
    private static void boundLockWaits(Connection admin, Flavor flavor) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(flavor == Flavor.POSTGRES ? "SET lock_timeout = '2s'" : "SET SESSION innodb_lock_wait_timeout = 2");
        }
    }

    private static void insertCommitted(Connection admin, long key) {
        try (PreparedStatement ps = admin.prepareStatement("INSERT INTO " + TABLE.name() + " (k) VALUES (?)")) {
            ps.setLong(1, key);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void readKey(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + TABLE.name() + " WHERE k = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }

    private static void mark(Connection c, String marker) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(marker)) {
            rs.next();
        }
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
            for (String line : lines) {
                if (!line.startsWith(prefix)) {
                    continue;
                }
                String rest = line.substring(prefix.length());
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
