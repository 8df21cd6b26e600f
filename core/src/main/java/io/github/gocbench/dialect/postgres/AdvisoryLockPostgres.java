package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.AtomicBlock;
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
 * {@code advisory-lock}: in a transaction (its own, or a savepoint inside the caller's), take
 * {@code pg_advisory_xact_lock(key)}, then SELECT the key and INSERT it on a miss. The lock is
 * held until the transaction ends — for an outer transaction, until the caller commits — so the
 * next caller's SELECT runs after the winner's commit.
 *
 * <p>Origin: the lock-based fix ("serialize get-or-create per key"), PostgreSQL advisory locks.
 *
 * <p>Known to get wrong: the lock orders the callers but not their snapshots. In autocommit and
 * at READ COMMITTED every statement takes a new snapshot, so the SELECT after the lock sees the
 * winner's row: safe, and the side-effect hook runs once per row. Inside an outer REPEATABLE READ
 * transaction that already read the key the snapshot predates the winner's commit, so the SELECT
 * misses and the INSERT fails with 23505 ({@code DUPLICATE_KEY}). The lock key is the bare
 * {@code k} in the server-wide advisory lock space, shared with any other user of one-argument
 * advisory locks (and across goc-bench tables). Waits are bounded by {@code lock_timeout}
 * (55P03). Unlike the other strategies it stays safe without the unique constraint in autocommit.
 */
final class AdvisoryLockPostgres implements Strategy {

    static final String ID = "advisory-lock";
    static final String SUMMARY =
            "pg_advisory_xact_lock(k) in a transaction around SELECT; on miss INSERT";

    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);

    private static final String LOCK = "SELECT pg_advisory_xact_lock(?)";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";

    private final String select;
    private final String insert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, AdvisoryLockPostgres::new, EXPECT);

    AdvisoryLockPostgres(Table table) {
        this.select = String.format(SELECT, table.name());
        this.insert = String.format(INSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        return AtomicBlock.run(connection, () -> {
            try (PreparedStatement ps = connection.prepareStatement(LOCK)) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            Long found = KeyRows.queryId(connection, select, key);
            if (found != null) {
                return Got.found(found);
            }
            sideEffect.beforeInsert(key);
            return Got.created(KeyRows.insertReturningId(connection, insert, key));
        });
    }
}
