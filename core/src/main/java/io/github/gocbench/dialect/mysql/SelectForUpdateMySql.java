package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
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
import java.sql.SQLException;

/**
 * {@code select-for-update}: in a transaction (its own, or a savepoint inside the caller's),
 * {@code SELECT … FOR UPDATE} the key; on a miss INSERT it; commit.
 *
 * <p>Origin: the common lock-based attempt ("lock the row first, then decide").
 *
 * <p>Known to get wrong: at REPEATABLE READ (InnoDB's default, so also its own transaction in
 * autocommit) a locking read of a missing key takes a gap (next-key) lock. Gap locks do not
 * conflict with each other, so every racing caller gets one, and then each INSERT's
 * insert-intention lock waits for the others' gap locks: a lock cycle, and InnoDB kills all but
 * one with 1213 ({@code DEADLOCK}). At READ COMMITTED there are no gap locks: racing callers all
 * miss, all INSERT, and the losers get 1062 ({@code DUPLICATE_KEY}). The side-effect hook runs once
 * per caller that missed.
 */
final class SelectForUpdateMySql implements Strategy {

    static final String ID = "select-for-update";
    static final String SUMMARY =
            "SELECT ... FOR UPDATE; on miss INSERT; in a transaction; gap locks make racing inserters deadlock";

    static final Expect EXPECT = Expect.UNDECLARED
            .known(AUTOCOMMIT, DEADLOCK)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DEADLOCK);

    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?)";

    private final String select;
    private final String insert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, SelectForUpdateMySql::new, EXPECT);

    SelectForUpdateMySql(Table table) {
        this.select = String.format(SELECT_FOR_UPDATE, table.name());
        this.insert = String.format(INSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        return AtomicBlock.run(connection, () -> {
            Long found = KeyRows.queryId(connection, select, key);
            if (found != null) {
                return Got.found(found);
            }
            sideEffect.beforeInsert(key);
            return Got.created(KeyRows.insertGeneratedId(connection, insert, key));
        });
    }
}
