package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.KeyRows;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.NotFoundAfterConflictException;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import io.github.gocbench.strategy.StrategyDef;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code upsert}: {@code INSERT … ON CONFLICT (k) DO NOTHING RETURNING id}; when it returns no
 * row the key exists, so SELECT it; loop while neither statement finds the row (the row can be
 * deleted between the two), at most {@value #MAX_ATTEMPTS} times.
 *
 * <p>Origin: the design card (DESIGN.md, "Strategies"), PostgreSQL's canonical upsert.
 *
 * <p>Known to get wrong: the side-effect hook runs before every INSERT attempt, hits included,
 * because the strategy cannot know before inserting whether the row exists (a run with
 * {@code --side-effect} reports repeated side effects for every key used more than once). In an
 * outer REPEATABLE READ / SERIALIZABLE transaction a conflicting row the snapshot cannot see
 * makes PostgreSQL raise 40001 ({@code SERIALIZATION_FAILURE}). Without the unique constraint
 * there is no conflict target: it uses {@code ON CONFLICT DO NOTHING} without one, which is valid
 * but never fires on {@code k}, so racing callers insert duplicate rows.
 */
final class UpsertPostgres implements Strategy {

    static final String ID = "upsert";
    static final String SUMMARY =
            "INSERT ... ON CONFLICT (k) DO NOTHING RETURNING id; SELECT when nothing returned; loop";

    /** Declared outcomes when racing callers share a key (held by the race suites). */
    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE);

    /** Bound on INSERT+SELECT rounds; only churn (rows deleted under us) makes a second one happen. */
    static final int MAX_ATTEMPTS = 100;

    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) ON CONFLICT (k) DO NOTHING RETURNING id";
    /** {@code --no-unique}: ON CONFLICT (k) would fail with 42P10 (no unique index on k). */
    private static final String INSERT_NO_UNIQUE = "INSERT INTO %s (k) VALUES (?) ON CONFLICT DO NOTHING RETURNING id";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";

    private final String insert;
    private final String select;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, UpsertPostgres::new, EXPECT);

    UpsertPostgres(Table table) {
        this.insert = String.format(table.unique() ? INSERT : INSERT_NO_UNIQUE, table.name());
        this.select = String.format(SELECT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            sideEffect.beforeInsert(key);
            Long inserted = KeyRows.queryId(connection, insert, key);
            if (inserted != null) {
                return new Got(inserted, true, attempt);
            }
            Long found = KeyRows.queryId(connection, select, key);
            if (found != null) {
                return new Got(found, false, attempt);
            }
        }
        throw new NotFoundAfterConflictException(key, null);
    }
}
