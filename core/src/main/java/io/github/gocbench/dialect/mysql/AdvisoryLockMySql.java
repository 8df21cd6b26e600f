package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.KeyRows;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code advisory-lock}: take the user-level lock {@code GET_LOCK('goc:<k>', timeout)}, SELECT the
 * key, INSERT it on a miss, and {@code RELEASE_LOCK} in {@code finally}. The lock belongs to the
 * session, not to a transaction.
 *
 * <p>The wait is bounded by the session's {@code innodb_lock_wait_timeout} (the harness's lock
 * bound), at most {@value #MAX_WAIT_SECONDS} s. {@code GET_LOCK} answers 0 when the wait times
 * out: the strategy then throws an {@link SQLException} with goc-bench's own SQLState
 * {@value MySqlOutcomes#GET_LOCK_TIMEOUT_SQLSTATE}, which {@link MySqlOutcomes} classifies as
 * {@code LOCK_TIMEOUT} (no server error code exists for it). {@code NULL} (an error, e.g. the session was killed)
 * throws with SQLState HY000, outcome OTHER.
 *
 * <p>Origin: the lock-based fix ("serialize get-or-create per key"), MySQL named locks.
 *
 * <p>Known to get wrong: the lock is released when the strategy returns, but inside an outer
 * transaction the INSERT commits only when the caller commits, later. The next caller then takes
 * the lock, misses the uncommitted row, INSERTs, waits for the winner's commit and gets 1062
 * ({@code DUPLICATE_KEY}) — at READ COMMITTED and REPEATABLE READ alike. In autocommit the
 * INSERT commits before the lock is released: safe, and the side-effect hook runs once per row.
 * Lock names are the bare key, shared across tables and with any other user of
 * {@code GET_LOCK('goc:…')}.
 */
final class AdvisoryLockMySql implements Strategy {

    static final String ID = "advisory-lock";
    static final String SUMMARY = "GET_LOCK('goc:k') around SELECT; on miss INSERT; RELEASE_LOCK";

    /** Upper bound on one GET_LOCK wait, seconds. */
    static final int MAX_WAIT_SECONDS = 5;

    static final Expect EXPECT = Expect.safe(AUTOCOMMIT)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);

    private static final String GET_LOCK =
            "SELECT GET_LOCK(CONCAT('goc:', ?), LEAST(@@SESSION.innodb_lock_wait_timeout, " + MAX_WAIT_SECONDS + "))";
    private static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(CONCAT('goc:', ?))";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?)";

    private final String select;
    private final String insert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, AdvisoryLockMySql::new, EXPECT);

    AdvisoryLockMySql(Table table) {
        this.select = String.format(SELECT, table.name());
        this.insert = String.format(INSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        lock(connection, key);
        Throwable failure = null;
        try {
            return selectOrInsert(connection, key, sideEffect);
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            try {
                release(connection, key);
            } catch (SQLException release) {
                if (failure == null) {
                    throw release;
                }
                failure.addSuppressed(release);
            }
        }
    }

    private static void lock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(GET_LOCK)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long got = rs.getLong(1);
                if (rs.wasNull()) {
                    throw new SQLException("GET_LOCK('goc:" + key + "') returned NULL (error or killed)", "HY000");
                }
                if (got != 1) {
                    throw new SQLException("GET_LOCK('goc:" + key + "') timed out",
                            MySqlOutcomes.GET_LOCK_TIMEOUT_SQLSTATE);
                }
            }
        }
    }

    private static void release(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(RELEASE_LOCK)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private Got selectOrInsert(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        Long found = KeyRows.queryId(connection, select, key);
        if (found != null) {
            return Got.found(found);
        }
        sideEffect.beforeInsert(key);
        return Got.created(KeyRows.insertGeneratedId(connection, insert, key));
    }
}
