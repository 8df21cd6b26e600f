package io.github.gocbench.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code advisory-lock}'s lock wait is bounded and classified: another session holds the key's
 * lock, the strategy's wait ends after the session's lock bound with {@code LOCK_TIMEOUT}
 * (PostgreSQL 55P03 from {@code lock_timeout}; MySQL/MariaDB {@code GET_LOCK} answering 0,
 * reported with goc-bench's SQLState GC002), and the MySQL session lock is released after a call.
 */
class AdvisoryLockIT {

    private static final Table TABLE = new Table("goc_advisory_it", true);

    static List<DbUnderTest> servers() {
        return DbUnderTest.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHeldLockEndsTheWaitAsLockTimeout(DbUnderTest db) throws SQLException {
        try (Connection holder = db.connect(); Connection c = db.connect()) {
            db.dialect().resetSchema(c, TABLE);
            Strategy s = db.dialect().strategy("advisory-lock").orElseThrow().create(TABLE);
            long key = 4242;
            scalar(holder, db.isMySql() ? "SELECT GET_LOCK(CONCAT('goc:', ?), 0)" : "SELECT pg_advisory_lock(?)", key);
            db.dialect().applySessionBounds(c, Duration.ofSeconds(10), Duration.ofMillis(300));

            SQLException e = catchThrowableOfType(SQLException.class, () -> s.getOrCreate(c, key, SideEffect.NONE));
            assertThat((Throwable) e).isNotNull();
            assertThat(db.dialect().classify(e)).as(DialectIT.describe(e)).isEqualTo(Outcome.LOCK_TIMEOUT);
            assertThat(c.getAutoCommit()).isTrue();

            scalar(holder, db.isMySql() ? "SELECT RELEASE_LOCK(CONCAT('goc:', ?))" : "SELECT pg_advisory_unlock(?)", key);
            assertThat(s.getOrCreate(c, key, SideEffect.NONE).created()).isTrue();
            if (db.isMySql()) {
                // the strategy released its session lock: the holder can take it without waiting
                assertThat(scalar(holder, "SELECT GET_LOCK(CONCAT('goc:', ?), 0)", key)).isEqualTo("1");
                scalar(holder, "SELECT RELEASE_LOCK(CONCAT('goc:', ?))", key);
            }
        }
    }

    private static String scalar(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
