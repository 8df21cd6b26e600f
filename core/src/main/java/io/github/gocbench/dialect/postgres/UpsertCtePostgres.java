package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code upsert-cte}: one statement, no loop:
 * {@code WITH ins AS (INSERT … ON CONFLICT (k) DO NOTHING RETURNING id)
 * SELECT id, true FROM ins UNION ALL SELECT id, false FROM t WHERE k = ? LIMIT 1}.
 *
 * <p>Origin: a common PostgreSQL idiom for "upsert returning the id in one round trip".
 *
 * <p>Known to get wrong: every part of the statement reads one snapshot, taken when the
 * statement starts. When a concurrent inserter of the same key has not committed yet, the
 * {@code ON CONFLICT} waits for it and then does nothing, but the row it committed is newer than
 * the statement's snapshot, so the {@code SELECT} branch sees nothing either and the statement
 * returns no row: {@code NOT_FOUND_AFTER_CONFLICT}, in autocommit and at READ COMMITTED alike.
 * Inside an outer REPEATABLE READ transaction, {@code ON CONFLICT DO NOTHING} against a row the
 * snapshot cannot see raises 40001 instead. The side-effect hook runs before every call. Without
 * the unique constraint it uses {@code ON CONFLICT DO NOTHING} without a target, which never fires
 * on {@code k}: racing callers insert duplicate rows.
 */
final class UpsertCtePostgres implements Strategy {

    static final String ID = "upsert-cte";
    static final String SUMMARY =
            "WITH ins AS (INSERT ... ON CONFLICT DO NOTHING RETURNING id) SELECT ... UNION ALL SELECT ...; no loop";

    /**
     * In autocommit the window is the winner's INSERT-to-commit inside one statement: measured 0 to
     * 100% of 8-thread rounds depending on machine load (0/100 on a briefly idle embedded
     * PostgreSQL), so there it is possible, not required; in an outer transaction the window spans
     * the caller's commit round trip (measured 88-100% of rounds), so there it must be found.
     */
    static final Expect EXPECT = Expect.UNDECLARED
            .possible(AUTOCOMMIT, NOT_FOUND_AFTER_CONFLICT)
            .known(OUTER_READ_COMMITTED, NOT_FOUND_AFTER_CONFLICT)
            .known(OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE);

    private static final String UPSERT = "WITH ins AS ("
            + "INSERT INTO %1$s (k) VALUES (?) ON CONFLICT (k) DO NOTHING RETURNING id) "
            + "SELECT id, true FROM ins "
            + "UNION ALL SELECT id, false FROM (SELECT id FROM %1$s WHERE k = ? ORDER BY id LIMIT 1) found "
            + "LIMIT 1";
    /** {@code --no-unique}: ON CONFLICT (k) would fail with 42P10 (no unique index on k). */
    private static final String UPSERT_NO_UNIQUE = "WITH ins AS ("
            + "INSERT INTO %1$s (k) VALUES (?) ON CONFLICT DO NOTHING RETURNING id) "
            + "SELECT id, true FROM ins "
            + "UNION ALL SELECT id, false FROM (SELECT id FROM %1$s WHERE k = ? ORDER BY id LIMIT 1) found "
            + "LIMIT 1";

    private final String upsert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, UpsertCtePostgres::new, EXPECT);

    UpsertCtePostgres(Table table) {
        this.upsert = String.format(table.unique() ? UPSERT : UPSERT_NO_UNIQUE, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        sideEffect.beforeInsert(key);
        try (PreparedStatement ps = connection.prepareStatement(upsert)) {
            ps.setLong(1, key);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundAfterConflictException(key, null);
                }
                return new Got(rs.getLong(1), rs.getBoolean(2), 0);
            }
        }
    }
}
