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
import java.sql.SQLException;

/**
 * {@code select-for-update}: in a transaction (its own, or a savepoint inside the caller's),
 * {@code SELECT … FOR UPDATE} the key; on a miss INSERT it; commit.
 *
 * <p>Origin: the common lock-based attempt ("lock the row first, then decide").
 *
 * <p>Known to get wrong: PostgreSQL has no gap or predicate locks outside SERIALIZABLE, so
 * {@code FOR UPDATE} on a missing row locks nothing; racing callers all miss, all INSERT, and
 * the losers get 23505 ({@code DUPLICATE_KEY}) in every situation. The side-effect hook runs once
 * per caller that missed. Without the unique constraint racing callers insert duplicate rows.
 */
final class SelectForUpdatePostgres implements Strategy {

    static final String ID = "select-for-update";
    static final String SUMMARY =
            "SELECT ... FOR UPDATE; on miss INSERT; in a transaction; locks nothing when the row is missing";

    static final Expect EXPECT = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);

    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";

    private final String select;
    private final String insert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, SelectForUpdatePostgres::new, EXPECT);

    SelectForUpdatePostgres(Table table) {
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
            return Got.created(KeyRows.insertReturningId(connection, insert, key));
        });
    }
}
