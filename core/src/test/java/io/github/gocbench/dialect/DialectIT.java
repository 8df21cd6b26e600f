package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each dialect against real servers: DDL, settings, session bounds, and {@code classify} on the
 * errors those servers really raise (duplicate, timeout, lock timeout, deadlock, killed session).
 */
class DialectIT {

    private static final Table UNIQUE = new Table("goc_dialect_it", true);
    private static final Table NO_UNIQUE = new Table("goc_dialect_it_nu", false);

    private static ExecutorService executor;

    @BeforeAll
    static void startExecutor() {
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    static List<DbUnderTest> servers() {
        return DbUnderTest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void catalogueHasEveryStrategyTheDialectCanExpress(DbUnderTest db) {
        assertThat(db.dialect().strategies()).extracting(StrategyDef::id).containsExactlyElementsOf(db.isMySql()
                ? List.of("naive", "transactional", "upsert", "insert-first", "insert-first-for-update",
                        "insert-first-for-share", "insert-ignore", "select-for-update", "advisory-lock",
                        "serializable-retry")
                : List.of("naive", "transactional", "upsert", "insert-first", "insert-first-for-update",
                        "insert-first-for-share", "upsert-do-update", "upsert-cte", "merge", "select-for-update",
                        "advisory-lock", "serializable-retry"));
        assertThat(db.dialect().strategy("upsert")).isPresent();
        assertThat(db.dialect().strategy("no-such-strategy")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void settingsContainTheListedKeys(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            var settings = db.dialect().serverSettings(c);
            if (db.isMySql()) {
                List<String> expected = new ArrayList<>(List.of("version", "product", "transaction_isolation",
                        "innodb_flush_log_at_trx_commit"));
                if (hasVariable(c, "innodb_snapshot_isolation")) {
                    expected.add("innodb_snapshot_isolation");
                }
                expected.addAll(List.of("max_connections", "autocommit"));
                assertThat(settings.keySet()).containsExactlyElementsOf(expected);
                assertThat(settings.get("product")).isIn("MariaDB", "MySQL");
                assertThat(settings.get("transaction_isolation"))
                        .isIn("READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE");
            } else {
                assertThat(settings.keySet()).containsExactly("server_version", "default_transaction_isolation",
                        "fsync", "synchronous_commit", "max_connections");
                assertThat(settings.get("default_transaction_isolation"))
                        .isIn("read uncommitted", "read committed", "repeatable read", "serializable");
            }
            assertThat(settings.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        }
    }

    private static boolean hasVariable(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            return rs.next();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void uniqueTableRejectsADuplicateKeyAsDuplicateKey(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            db.dialect().resetSchema(c, UNIQUE);
            insertK(c, UNIQUE, 1);
            SQLException e = catchThrowableOfType(SQLException.class, () -> insertK(c, UNIQUE, 1));
            assertThat((Throwable) e).isNotNull();
            assertThat(db.dialect().classify(e)).isEqualTo(Outcome.DUPLICATE_KEY);
            assertThat(countK(c, UNIQUE, 1)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void tableWithoutUniqueConstraintAcceptsADuplicateKey(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            db.dialect().resetSchema(c, NO_UNIQUE);
            insertK(c, NO_UNIQUE, 1);
            insertK(c, NO_UNIQUE, 1);
            assertThat(countK(c, NO_UNIQUE, 1)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void resetSchemaAndTruncateEmptyTheTable(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            db.dialect().resetSchema(c, UNIQUE);
            insertK(c, UNIQUE, 1);
            insertK(c, UNIQUE, 2);
            db.dialect().truncate(c, UNIQUE);
            assertThat(countK(c, UNIQUE, 1) + countK(c, UNIQUE, 2)).isZero();
            insertK(c, UNIQUE, 1);
            db.dialect().resetSchema(c, UNIQUE);
            assertThat(countK(c, UNIQUE, 1)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void statementTimeoutIsSetAndClassifiedAsTimeout(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            db.dialect().resetSchema(c, UNIQUE);
            insertK(c, UNIQUE, 1);
            db.dialect().applySessionBounds(c, Duration.ofMillis(300), Duration.ofSeconds(1));
            String sleep = db.isMySql()
                    ? "SELECT SLEEP(5) FROM " + UNIQUE.name()
                    : "SELECT pg_sleep(5) FROM " + UNIQUE.name();
            SQLException e = catchThrowableOfType(SQLException.class, () -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sleep)) {
                    rs.next();
                }
            });
            assertThat((Throwable) e).as("the 300 ms statement bound did not stop a 5 s sleep").isNotNull();
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void sessionBoundsAreSetRoundedUp(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            db.dialect().applySessionBounds(c, Duration.ofNanos(250_000_001), Duration.ofMillis(1001));
            if (!db.isMySql()) {
                assertThat(text(c, "SHOW statement_timeout")).isEqualTo("251ms");
                assertThat(text(c, "SHOW lock_timeout")).isEqualTo("1001ms");
            } else if (text(c, "SELECT VERSION()").contains("MariaDB")) {
                assertThat(new java.math.BigDecimal(text(c, "SELECT @@max_statement_time")))
                        .isEqualByComparingTo("0.250001");
            } else {
                assertThat(text(c, "SELECT @@max_execution_time")).isEqualTo("251");
            }
            if (db.isMySql()) {
                assertThat(text(c, "SELECT @@innodb_lock_wait_timeout")).isEqualTo("2");
                assertThat(text(c, "SELECT @@lock_wait_timeout")).isEqualTo("2");
            }
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void lockWaitIsBoundedAndClassifiedAsLockTimeout(DbUnderTest db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            db.dialect().resetSchema(holder, UNIQUE);
            insertK(holder, UNIQUE, 1);
            db.dialect().applySessionBounds(waiter, Duration.ofSeconds(10), Duration.ofSeconds(1));
            holder.setAutoCommit(false);
            touchK(holder, UNIQUE, 1);
            try {
                SQLException e = catchThrowableOfType(SQLException.class, () -> touchK(waiter, UNIQUE, 1));
                assertThat((Throwable) e).isNotNull();
                assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.LOCK_TIMEOUT);
            } finally {
                holder.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void lockCycleIsClassifiedAsDeadlock(DbUnderTest db) throws Exception {
        try (Connection a = db.connect(); Connection b = db.connect()) {
            db.dialect().resetSchema(a, UNIQUE);
            insertK(a, UNIQUE, 1);
            insertK(a, UNIQUE, 2);
            // lock timeouts well above PostgreSQL's deadlock_timeout (1 s) so detection wins
            db.dialect().applySessionBounds(a, Duration.ofSeconds(20), Duration.ofSeconds(10));
            db.dialect().applySessionBounds(b, Duration.ofSeconds(20), Duration.ofSeconds(10));
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            touchK(a, UNIQUE, 1);
            touchK(b, UNIQUE, 2);
            Future<SQLException> aWaits = executor.submit(() -> attempt(() -> touchK(a, UNIQUE, 2)));
            waitUntilBlocked(aWaits);
            SQLException bError = attempt(() -> touchK(b, UNIQUE, 1));
            if (bError != null) {
                b.rollback(); // frees a
            }
            SQLException aError = aWaits.get(30, TimeUnit.SECONDS);
            a.rollback();
            b.rollback();
            assertThat(aError == null ^ bError == null).as("exactly one side of the cycle fails: a=%s b=%s",
                    describe(aError), describe(bError)).isTrue();
            SQLException e = aError != null ? aError : bError;
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.DEADLOCK);
        }
    }

    /** Gives the submitted statement time to start waiting for the lock; a blocked wait never finishes early. */
    private static void waitUntilBlocked(Future<?> f) throws InterruptedException {
        Thread.sleep(300);
        assertThat(f.isDone()).as("statement should be blocked on the row lock").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void killedSessionIsClassifiedAsConnectionLost(DbUnderTest db) throws SQLException {
        try (Connection victim = db.connect(); Connection killer = db.connect()) {
            long id = scalar(victim, db.isMySql() ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()");
            if (db.isMySql()) {
                try (PreparedStatement ps = killer.prepareStatement("KILL CONNECTION ?")) {
                    ps.setLong(1, id);
                    ps.execute();
                }
            } else {
                // waits up to 5 s for the backend to be gone
                try (PreparedStatement ps = killer.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                    ps.setInt(1, (int) id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                    }
                }
            }
            SQLException e = catchThrowableOfType(SQLException.class, () -> scalar(victim, "SELECT 1"));
            assertThat((Throwable) e).isNotNull();
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.CONNECTION_LOST);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void killQueryOfABlockedStatementIsClassifiedAsTimeout(DbUnderTest db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect(); Connection killer = db.connect()) {
            long id = scalar(waiter, db.isMySql() ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()");
            SQLException e = whileBlocked(db, holder, () -> touchK(waiter, UNIQUE, 1), () -> {
                try (Statement s = killer.createStatement()) {
                    s.execute(db.isMySql() ? "KILL QUERY " + id : "SELECT pg_cancel_backend(" + id + ")");
                }
            });
            if (db.isMySql()) {
                // ER_QUERY_INTERRUPTED as the server sent it (Connector/J keeps its code)
                assertThat(e.getErrorCode()).as(describe(e)).isEqualTo(1317);
            } else {
                assertThat(e.getSQLState()).as(describe(e)).isEqualTo("57014");
            }
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void driverCancelOfABlockedStatementIsClassifiedAsTimeout(DbUnderTest db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect();
             PreparedStatement touch = waiter.prepareStatement("UPDATE " + UNIQUE.name() + " SET k = k WHERE k = 1")) {
            SQLException e = whileBlocked(db, holder, touch::executeUpdate, touch::cancel);
            // Connector/J answers with its own MySQLStatementCancelledException (no SQLState, no
            // code) or, when the server's reply wins the race, the server's 1317: both are TIMEOUT
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void driverQueryTimeoutOfABlockedStatementIsClassifiedAsTimeout(DbUnderTest db) throws Exception {
        try (Connection holder = db.connect(); Connection waiter = db.connect();
             PreparedStatement touch = waiter.prepareStatement("UPDATE " + UNIQUE.name() + " SET k = k WHERE k = 1")) {
            touch.setQueryTimeout(1);
            SQLException e = whileBlocked(db, holder, touch::executeUpdate, () -> { });
            // Connector/J: its own MySQLTimeoutException, or the server's 1317 if that reply wins
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.TIMEOUT);
        }
    }

    /**
     * Runs {@code blocked} (a write of row k = 1) while {@code holder} holds that row's lock, then
     * {@code interrupt}, and answers the error the blocked statement ended with. No lock or
     * statement bound is set on the waiter, so nothing but the interrupt (or the driver's own
     * query timeout) can end the wait.
     */
    private static SQLException whileBlocked(DbUnderTest db, Connection holder, SqlAction blocked,
            SqlAction interrupt) throws Exception {
        db.dialect().resetSchema(holder, UNIQUE);
        insertK(holder, UNIQUE, 1);
        holder.setAutoCommit(false);
        touchK(holder, UNIQUE, 1);
        try {
            Future<SQLException> waits = executor.submit(() -> attempt(blocked));
            waitUntilBlocked(waits);
            interrupt.run();
            SQLException e = waits.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) e).as("the blocked statement ended without an error").isNotNull();
            return e;
        } finally {
            holder.rollback();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mySqlServers")
    void duplicateReportedWithTheKeyNameIsDuplicateKey(DbUnderTest db) throws SQLException {
        // No INSERT, UPDATE or ALTER tried on MariaDB 10.11 sends 1586 (they send 1062), so the
        // server raises it by SIGNAL: the error packet and Connector/J's exception are real.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.execute("SIGNAL SQLSTATE '23000'"
                    + " SET MYSQL_ERRNO = 1586, MESSAGE_TEXT = 'Duplicate entry ''1'' for key ''goc_k_key'''"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getErrorCode()).as(describe(e)).isEqualTo(1586);
            assertThat(db.dialect().classify(e)).as(describe(e)).isEqualTo(Outcome.DUPLICATE_KEY);
        }
    }

    static List<DbUnderTest> mySqlServers() {
        return servers().stream().filter(DbUnderTest::isMySql).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void negativeTimeoutIsRejected(DbUnderTest db) throws SQLException {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> db.dialect().applySessionBounds(c, Duration.ofMillis(-1), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException attempt(SqlAction action) {
        try {
            action.run();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    static String describe(SQLException e) {
        return e == null ? "none" : e.getClass().getSimpleName() + " SQLState=" + e.getSQLState()
                + " code=" + e.getErrorCode() + " " + e.getMessage();
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void insertK(Connection c, Table t, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.name() + " (k) VALUES (?)")) {
            ps.setLong(1, k);
            ps.executeUpdate();
        }
    }

    private static void touchK(Connection c, Table t, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.name() + " SET k = k WHERE k = ?")) {
            ps.setLong(1, k);
            ps.executeUpdate();
        }
    }

    static long countK(Connection c, Table t, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t.name() + " WHERE k = ?")) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
