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
import java.sql.SQLException;

/**
 * {@code naive}: SELECT the key; on a miss, INSERT it (id from the generated keys). Nothing else.
 *
 * <p>Origin: the seed blog's "The problem" section ({@code MyModel.objects.get} then
 * {@code create} after {@code something_special()}).
 *
 * <p>Known to get wrong: two callers that both miss the SELECT both INSERT; with the unique
 * constraint the loser gets error 1062 ({@code DUPLICATE_KEY}); without it both succeed and the
 * key gets two rows (double create, duplicate rows, id mismatch). The side-effect hook runs once
 * per caller that missed.
 */
final class NaiveMySql implements Strategy {

    static final String ID = "naive";
    static final String SUMMARY = "SELECT; on miss INSERT (autocommit); races raise duplicate key";

    /** Declared outcomes when racing callers share a key (held by the race suites). */
    static final Expect EXPECT = Expect.UNDECLARED
            .known(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);

    /** Lowest id, so a table without the unique constraint still answers deterministically. */
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?)";

    private final String select;
    private final String insert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, NaiveMySql::new, EXPECT);

    NaiveMySql(Table table) {
        this.select = String.format(SELECT, table.name());
        this.insert = String.format(INSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        Long found = KeyRows.queryId(connection, select, key);
        if (found != null) {
            return Got.found(found);
        }
        sideEffect.beforeInsert(key);
        return Got.created(KeyRows.insertGeneratedId(connection, insert, key));
    }
}
