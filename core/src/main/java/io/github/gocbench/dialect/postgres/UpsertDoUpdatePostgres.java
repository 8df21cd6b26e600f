package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

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
 * {@code upsert-do-update}: one statement,
 * {@code INSERT … ON CONFLICT (k) DO UPDATE SET k = EXCLUDED.k RETURNING id, (xmax = 0) AS created}.
 * The no-op update makes the existing row come back from {@code RETURNING}; {@code xmax = 0}
 * tells a freshly inserted row (no locker, no updater yet) from an updated one.
 *
 * <p>Origin: a common PostgreSQL idiom (answers on Stack Overflow and blogs for "upsert that
 * always returns the id").
 *
 * <p>Known to get wrong: every hit writes a new row version (dead tuples, WAL, and a row lock held
 * to the end of the transaction, so hits on one key serialize), and the side-effect hook runs
 * before every call, hits included. {@code xmax = 0} relies on an implementation detail of the
 * heap. Inside an outer REPEATABLE READ transaction, updating a row the snapshot cannot see fails
 * with 40001 ({@code SERIALIZATION_FAILURE}). Without the unique constraint there is no conflict
 * target: it falls back to {@code INSERT … RETURNING}, so racing callers insert duplicate rows.
 */
final class UpsertDoUpdatePostgres implements Strategy {

    static final String ID = "upsert-do-update";
    static final String SUMMARY =
            "INSERT ... ON CONFLICT (k) DO UPDATE SET k = EXCLUDED.k RETURNING id, (xmax = 0); one statement";

    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, SERIALIZATION_FAILURE);

    private static final String UPSERT = "INSERT INTO %s (k) VALUES (?) "
            + "ON CONFLICT (k) DO UPDATE SET k = EXCLUDED.k RETURNING id, (xmax = 0) AS created";
    /** {@code --no-unique}: ON CONFLICT (k) would fail with 42P10 (no unique index on k). */
    private static final String INSERT_NO_UNIQUE = "INSERT INTO %s (k) VALUES (?) RETURNING id, true AS created";

    private final String upsert;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, UpsertDoUpdatePostgres::new, EXPECT);

    UpsertDoUpdatePostgres(Table table) {
        this.upsert = String.format(table.unique() ? UPSERT : INSERT_NO_UNIQUE, table.name());
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
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Got(rs.getLong(1), rs.getBoolean(2), 0);
            }
        }
    }
}
