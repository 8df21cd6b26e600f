package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Strategy} contract for every strategy in each dialect's catalogue on every server: create then find,
 * autocommit left as found, an outer transaction neither committed nor rolled back, the
 * side-effect hook, and — deterministically, by making the hook insert the key from a second
 * connection just before the strategy's INSERT — what each strategy answers when it loses the
 * insert race, in autocommit, in an outer READ COMMITTED and in an outer REPEATABLE READ
 * transaction. The expected outcomes are declared next to each case.
 */
class StrategyContractIT {

    private static final Table UNIQUE = new Table("goc_contract_it", true);
    private static final Table NO_UNIQUE = new Table("goc_contract_it_nu", false);
    private static final AtomicLong KEYS = new AtomicLong(1000);

    /**
     * Strategies that cannot know before their INSERT whether the row exists, so the side-effect
     * hook runs on hits too.
     */
    private static final Set<String> HOOK_ON_EVERY_CALL = Set.of("upsert", "insert-first", "insert-first-for-update",
            "insert-first-for-share", "upsert-do-update", "upsert-cte", "insert-ignore", "merge");

    /**
     * Strategies that hold a lock (row, gap, predicate or advisory) while the hook runs. A rival
     * inserting from inside the hook either bypasses the lock (which proves nothing) or blocks on
     * it while the strategy waits for the hook (a cycle only a timeout ends); their behaviour
     * when losing a race is held by {@link StrategyRaceIT} instead.
     */
    private static final Set<String> LOCKS_AROUND_HOOK = Set.of("select-for-update", "advisory-lock",
            "serializable-retry");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DbUnderTest db : DbUnderTest.all()) {
            for (StrategyDef def : db.dialect().strategies()) {
                cases.add(Arguments.of(db, def.id()));
            }
        }
        return cases.stream();
    }

    private static Strategy strategy(DbUnderTest db, String id, Table table) {
        return db.dialect().strategy(id).orElseThrow().create(table);
    }

    /** Tables already reset in this JVM, per server: every test uses its own key, so once is enough. */
    private static final Set<String> RESET = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A connection to {@code db} with {@code table} in place. The table is recreated once per
     * server and run (DDL is slow on embedded MariaDB, and the catalogue makes ~180 cases); tests
     * stay independent because every one uses a fresh key from {@link #KEYS}.
     */
    private static Connection fresh(DbUnderTest db, Table table) throws SQLException {
        Connection c = db.connect();
        if (RESET.add(db.name() + "|" + table.name())) {
            db.dialect().resetSchema(c, table);
        }
        return c;
    }

    /** Counts hook calls; optionally runs an action on the first call. */
    private static final class Hook implements SideEffect {
        final AtomicInteger calls = new AtomicInteger();
        private final SqlAction onFirstCall;

        Hook(SqlAction onFirstCall) {
            this.onFirstCall = onFirstCall;
        }

        @Override
        public void beforeInsert(long key) {
            if (calls.getAndIncrement() == 0 && onFirstCall != null) {
                try {
                    onFirstCall.run();
                } catch (SQLException e) {
                    throw new IllegalStateException("rival insert failed", e);
                }
            }
        }
    }

    interface SqlAction {
        void run() throws SQLException;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void createsThenFindsTheSameRowInAutocommit(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE)) {
            Strategy s = strategy(db, id, UNIQUE);
            long key = KEYS.incrementAndGet();
            Hook hook = new Hook(null);

            Got first = s.getOrCreate(c, key, hook);
            assertThat(first.created()).isTrue();
            assertThat(hook.calls).hasValue(1);
            Got second = s.getOrCreate(c, key, hook);
            assertThat(second.created()).isFalse();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(first.retries()).isZero();
            assertThat(second.retries()).isZero();
            // upsert and the insert-first family cannot know before their INSERT that the row exists
            assertThat(hook.calls).hasValue(HOOK_ON_EVERY_CALL.contains(id) ? 2 : 1);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(DialectIT.countK(c, UNIQUE, key)).isEqualTo(1);
            assertThat(s.id()).isEqualTo(id);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void worksInsideAnOuterTransactionThatTheCallerCommits(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE); Connection observer = db.connect()) {
            Strategy s = strategy(db, id, UNIQUE);
            long key = KEYS.incrementAndGet();
            c.setAutoCommit(false);
            Got first = s.getOrCreate(c, key, SideEffect.NONE);
            Got second = s.getOrCreate(c, key, SideEffect.NONE);
            assertThat(c.getAutoCommit()).isFalse();
            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(DialectIT.countK(observer, UNIQUE, key)).as("not committed by the strategy").isZero();
            c.commit();
            assertThat(DialectIT.countK(observer, UNIQUE, key)).isEqualTo(1);
            c.setAutoCommit(true);
            assertThat(s.getOrCreate(c, key, SideEffect.NONE).id()).isEqualTo(first.id());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void leavesTheOuterTransactionToTheCallersRollback(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE)) {
            Strategy s = strategy(db, id, UNIQUE);
            long key = KEYS.incrementAndGet();
            c.setAutoCommit(false);
            assertThat(s.getOrCreate(c, key, SideEffect.NONE).created()).isTrue();
            c.rollback();
            c.setAutoCommit(true);
            assertThat(DialectIT.countK(c, UNIQUE, key)).isZero();
        }
    }

    /** What a strategy that lost the race answers: a Got, or the outcome its exception classifies as. */
    private record Answer(Got got, Outcome failure) {
        Outcome outcome() {
            return failure != null ? failure : got.created() ? Outcome.CREATED : Outcome.FOUND;
        }
    }

    /**
     * Runs {@code strategy} on a fresh key while a rival connection inserts (and commits) that key
     * from inside the hook, i.e. after the strategy's own read and before its INSERT.
     */
    private static Answer loseTheRace(DbUnderTest db, Connection c, Table table, Strategy strategy, long key,
                                      long[] rivalId) throws SQLException {
        assumeFalse(LOCKS_AROUND_HOOK.contains(strategy.id()), "holds a lock around the hook: see StrategyRaceIT");
        try (Connection rival = db.connect()) {
            db.dialect().applySessionBounds(rival, Duration.ofSeconds(10), Duration.ofSeconds(2));
            Hook hook = new Hook(() -> rivalId[0] = insertReturningId(rival, db, table, key));
            try {
                Got got = strategy.getOrCreate(c, key, hook);
                assertThat(hook.calls).hasValue(1);
                return new Answer(got, null);
            } catch (SQLException e) {
                return new Answer(null, db.dialect().classify(e));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void losingTheRaceInAutocommit(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE)) {
            long key = KEYS.incrementAndGet();
            long[] rival = new long[1];
            Answer a = loseTheRace(db, c, UNIQUE, strategy(db, id, UNIQUE), key, rival);
            // declared: naive lets the duplicate reach the caller; the others find the rival's row
            // (upsert-cte and merge start after the rival's commit here, so they simply find it)
            Outcome expected = id.equals("naive") ? Outcome.DUPLICATE_KEY : Outcome.FOUND;
            assertThat(a.outcome()).isEqualTo(expected);
            if (a.got() != null) {
                assertThat(a.got().id()).isEqualTo(rival[0]);
                assertThat(a.got().retries()).isEqualTo(id.equals("transactional") ? 1 : 0);
            }
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(DialectIT.countK(c, UNIQUE, key)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void losingTheRaceInAnOuterReadCommittedTransaction(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE)) {
            long key = KEYS.incrementAndGet();
            long[] rival = new long[1];
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            assertThat(DialectIT.countK(c, UNIQUE, key)).isZero();
            Answer a = loseTheRace(db, c, UNIQUE, strategy(db, id, UNIQUE), key, rival);
            assertThat(c.getAutoCommit()).isFalse();
            Outcome expected = id.equals("naive") ? Outcome.DUPLICATE_KEY : Outcome.FOUND;
            assertThat(a.outcome()).isEqualTo(expected);
            if (a.got() != null) {
                assertThat(a.got().id()).isEqualTo(rival[0]);
                // the savepoint kept the outer transaction usable (PostgreSQL would abort it otherwise)
                assertThat(DialectIT.countK(c, UNIQUE, key)).isEqualTo(1);
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void losingTheRaceInAnOuterRepeatableReadTransaction(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, UNIQUE)) {
            long key = KEYS.incrementAndGet();
            long[] rival = new long[1];
            boolean snapshotIsolation = db.isMySql() && "ON".equals(sessionVariable(c, "innodb_snapshot_isolation"));
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            // the caller reads first, as the engine's outer transaction does: this fixes the snapshot
            assertThat(DialectIT.countK(c, UNIQUE, key)).isZero();
            Answer a = loseTheRace(db, c, UNIQUE, strategy(db, id, UNIQUE), key, rival);
            c.rollback();
            assertThat(c.getAutoCommit()).isFalse();
            // declared: the caller's snapshot predates the rival's commit
            Outcome expected = switch (id) {
                case "naive" -> Outcome.DUPLICATE_KEY;
                // the re-read cannot see the row: Django ticket 13906 (both families)
                case "transactional" -> Outcome.NOT_FOUND_AFTER_CONFLICT;
                // PG: ON CONFLICT against a row the snapshot cannot see is a serialization failure;
                // InnoDB: ON DUPLICATE KEY UPDATE is a locking read of the latest row version
                // (unless innodb_snapshot_isolation is ON: see the next test)
                case "upsert" -> !db.isMySql() ? Outcome.SERIALIZATION_FAILURE
                        : snapshotIsolation ? Outcome.SNAPSHOT_CONFLICT : Outcome.FOUND;
                // a plain read-back in the snapshot: Django 13906 again
                case "insert-first", "insert-ignore" -> Outcome.NOT_FOUND_AFTER_CONFLICT;
                // PG: a locking read only returns rows the snapshot sees; InnoDB: a locking read
                // sees the latest committed version (FOR UPDATE refused with 1020 under snapshot isolation)
                case "insert-first-for-update" -> !db.isMySql() ? Outcome.NOT_FOUND_AFTER_CONFLICT
                        : snapshotIsolation ? Outcome.SNAPSHOT_CONFLICT : Outcome.FOUND;
                case "insert-first-for-share" -> !db.isMySql() ? Outcome.NOT_FOUND_AFTER_CONFLICT : Outcome.FOUND;
                case "upsert-do-update", "upsert-cte" -> Outcome.SERIALIZATION_FAILURE;
                // MERGE decides "not matched" from the snapshot and inserts
                case "merge" -> Outcome.DUPLICATE_KEY;
                default -> throw new IllegalArgumentException(id);
            };
            assertThat(a.outcome()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void losingTheRaceInAnOuterRepeatableReadTransactionWithInnodbSnapshotIsolation(DbUnderTest db, String id)
            throws SQLException {
        assumeTrue(db.isMySql(), "innodb_snapshot_isolation is InnoDB's");
        try (Connection c = fresh(db, UNIQUE)) {
            assumeTrue(setIfExists(c, "innodb_snapshot_isolation", "ON"),
                    "this server has no innodb_snapshot_isolation (MariaDB before 10.6.18 / 10.11.8, MySQL)");
            long key = KEYS.incrementAndGet();
            long[] rival = new long[1];
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            assertThat(DialectIT.countK(c, UNIQUE, key)).isZero();
            Answer a = loseTheRace(db, c, UNIQUE, strategy(db, id, UNIQUE), key, rival);
            c.rollback();
            // declared: the duplicate check still raises 1062; the locking read of ON DUPLICATE KEY
            // UPDATE on a row newer than the snapshot is refused with 1020
            Outcome expected = switch (id) {
                case "naive" -> Outcome.DUPLICATE_KEY;
                case "transactional" -> Outcome.NOT_FOUND_AFTER_CONFLICT;
                case "upsert" -> Outcome.SNAPSHOT_CONFLICT;
                case "insert-first", "insert-ignore" -> Outcome.NOT_FOUND_AFTER_CONFLICT;
                // measured on MariaDB 11.4: the exclusive locking read is refused, the shared one is not
                case "insert-first-for-update" -> Outcome.SNAPSHOT_CONFLICT;
                case "insert-first-for-share" -> Outcome.FOUND;
                default -> throw new IllegalArgumentException(id);
            };
            assertThat(a.outcome()).isEqualTo(expected);
        }
    }

    /** A MySQL/MariaDB session variable's value, or null when the server has no such variable. */
    private static String sessionVariable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW SESSION VARIABLES WHERE Variable_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(2) : null;
            }
        }
    }

    /** Sets a session variable when the server has it; false when it does not. */
    private static boolean setIfExists(Connection c, String name, String value) throws SQLException {
        if (sessionVariable(c, name) == null) {
            return false;
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("SET SESSION " + name + " = " + value);
        }
        return true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void withoutTheUniqueConstraintLosingTheRaceCreatesASecondRow(DbUnderTest db, String id) throws SQLException {
        try (Connection c = fresh(db, NO_UNIQUE)) {
            long key = KEYS.incrementAndGet();
            long[] rival = new long[1];
            Answer a = loseTheRace(db, c, NO_UNIQUE, strategy(db, id, NO_UNIQUE), key, rival);
            if (id.equals("merge")) {
                // MERGE starts after the rival's commit here: it matches the rival's row
                assertThat(a.outcome()).isEqualTo(Outcome.FOUND);
                assertThat(a.got().id()).isEqualTo(rival[0]);
                assertThat(DialectIT.countK(c, NO_UNIQUE, key)).isEqualTo(1);
                return;
            }
            // declared for every other strategy: nothing conflicts, so the loser creates a duplicate row
            assertThat(a.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(a.got().id()).isNotEqualTo(rival[0]);
            assertThat(DialectIT.countK(c, NO_UNIQUE, key)).isEqualTo(2);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    private static long insertReturningId(Connection c, DbUnderTest db, Table table, long key) throws SQLException {
        String sql = "INSERT INTO " + table.name() + " (k) VALUES (?)";
        try (PreparedStatement ps = db.isMySql()
                ? c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(sql + " RETURNING id")) {
            ps.setLong(1, key);
            if (db.isMySql()) {
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
