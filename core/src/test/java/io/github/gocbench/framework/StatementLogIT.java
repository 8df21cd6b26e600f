package io.github.gocbench.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gocbench.dialect.DbFamily;
import io.github.gocbench.server.Dialects;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * transaction that already read the key) and per {@link io.github.gocbench.framework.Path}, on the
 * {@link StatementLogServers} (PostgreSQL {@code log_statement=all}, MariaDB's general log),
 * filtered to the calling session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementLogIT {

    private static final Table TABLE = new Table("goc_fw_log", true);

    private final AtomicLong keys = new AtomicLong(1000);
    private StatementLogServers servers;

    @BeforeAll
    void start() throws Exception {
        servers = StatementLogServers.start();
        try (Connection c = connect(Flavor.POSTGRES)) {
            Dialects.of(DbFamily.POSTGRES).resetSchema(c, TABLE);
        }
        try (Connection c = connect(Flavor.MYSQL)) {
            Dialects.of(DbFamily.MARIADB).resetSchema(c, TABLE);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (servers != null) {
            servers.close();
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
            StatementLogServers.markStart(c);
            Got got = null;
            SQLException failed = null;
            try {
                got = replay.getOrCreate(c, key, hook);
            } catch (SQLException e) {
                failed = e;
            }
            List<String> expected = replay.statements(inTx, path);
            List<String> logged = servers.endCall(c, family(flavor), inTx);
            Assumptions.assumeTrue(blocked.isEmpty(), () -> "the call's own locks (a FOR UPDATE gap lock) block"
                    + " another session's INSERT of the key, so no conflict can be forced: " + blocked);
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
        return servers.connect(family(flavor));
    }

    private static DbFamily family(Flavor flavor) {
        return flavor == Flavor.POSTGRES ? DbFamily.POSTGRES : DbFamily.MARIADB;
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
}
