package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy in every catalogue, on every server, leaves the session as it found it: the
 * isolation level (which {@code serializable-retry} switches to SERIALIZABLE for its own
 * transaction) and autocommit, after a call that succeeds and after one that fails (its table
 * is missing, so its first statement fails with an error no strategy retries).
 */
class SessionStateIT {

    private static final Table TABLE = new Table("goc_session_state_it", true);
    private static final Table MISSING = new Table("goc_session_state_it_missing", true);
    private static final AtomicLong KEYS = new AtomicLong(1000);
    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();

    /** Two levels, so one of them differs from each server family's default. */
    private static final List<Integer> LEVELS =
            List.of(Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ);

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (DbUnderTest db : DbUnderTest.all()) {
            for (StrategyDef def : db.dialect().strategies()) {
                cases.add(Arguments.of(db, def.id()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void isolationAndAutocommitAreAsFoundAfterASuccessfulCall(DbUnderTest db, String id) throws SQLException {
        try (Connection c = prepared(db)) {
            Strategy s = db.dialect().strategy(id).orElseThrow().create(TABLE);
            for (int level : LEVELS) {
                c.setTransactionIsolation(level);
                long key = KEYS.incrementAndGet();
                Got created = s.getOrCreate(c, key, SideEffect.NONE);
                Got found = s.getOrCreate(c, key, SideEffect.NONE);
                assertThat(created.created()).isTrue();
                assertThat(found.id()).isEqualTo(created.id());
                assertThat(c.getTransactionIsolation()).as("isolation after %s at level %d", id, level)
                        .isEqualTo(level);
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void isolationAndAutocommitAreAsFoundAfterAFailedCall(DbUnderTest db, String id) throws SQLException {
        try (Connection c = prepared(db)) {
            Strategy s = db.dialect().strategy(id).orElseThrow().create(MISSING);
            for (int level : LEVELS) {
                c.setTransactionIsolation(level);
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> s.getOrCreate(c, KEYS.incrementAndGet(), SideEffect.NONE));
                assertThat((Throwable) e).as("%s on a missing table", id).isNotNull();
                assertThat(c.getTransactionIsolation()).as("isolation after %s failed at level %d: %s", id, level,
                        DialectIT.describe(e)).isEqualTo(level);
                assertThat(c.getAutoCommit()).isTrue();
            }
        }
    }

    /** A connection with {@link #TABLE} in place (created once per server) and {@link #MISSING} absent. */
    private static Connection prepared(DbUnderTest db) throws SQLException {
        Connection c = db.connect();
        if (PREPARED.add(db.name())) {
            db.dialect().resetSchema(c, TABLE);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + MISSING.name());
            }
        }
        return c;
    }
}
