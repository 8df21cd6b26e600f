package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * {@code merge}: {@code MERGE INTO t USING (VALUES (?)) AS s(k) ON t.k = s.k WHEN NOT MATCHED
 * THEN INSERT (k) VALUES (s.k)}, then SELECT the id. One merged row means this call inserted it.
 *
 * <p>Origin: the SQL standard's MERGE (PostgreSQL 15+), often assumed to be an atomic upsert.
 *
 * <p>Known to get wrong: PostgreSQL's MERGE does not handle the insert race. It decides "not
 * matched" from its snapshot and then inserts; a concurrent caller that inserted the same key in
 * the meantime makes the INSERT fail with 23505 ({@code DUPLICATE_KEY}), in every isolation
 * (the PostgreSQL manual, MERGE: "… may fail with a unique violation"; use
 * {@code INSERT … ON CONFLICT} instead). The side-effect hook runs before every call. Without the
 * unique constraint racing callers insert duplicate rows.
 *
 * <p>PostgreSQL before 15 has no MERGE: this strategy then refuses to run with a
 * {@link SQLFeatureNotSupportedException} (SQLState 0A000, outcome OTHER) naming the server
 * version, rather than letting a syntax error (42601) surface. The version comes from the
 * driver's connection metadata, which pgjdbc caches per connection (no round trip).
 */
final class MergePostgres implements Strategy {

    static final String ID = "merge";
    static final String SUMMARY =
            "MERGE ... WHEN NOT MATCHED THEN INSERT, then SELECT (PostgreSQL 15+); races raise duplicate key";

    /** First PostgreSQL major version with MERGE. */
    static final int MIN_MAJOR_VERSION = 15;

    /**
     * In autocommit the race window lies inside one statement and its detection rate depends on
     * load (measured 25-100% of 8-thread rounds), so there it is possible, not required; in an
     * outer transaction the window spans the caller's commit round trip (measured 90-100%).
     */
    static final Expect EXPECT = Expect.UNDECLARED
            .possible(AUTOCOMMIT, DUPLICATE_KEY)
            .known(OUTER_READ_COMMITTED, DUPLICATE_KEY)
            .known(OUTER_REPEATABLE_READ, DUPLICATE_KEY);

    private static final String MERGE = "MERGE INTO %s t USING (VALUES (?::bigint)) AS s(k) ON t.k = s.k "
            + "WHEN NOT MATCHED THEN INSERT (k) VALUES (s.k)";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";

    private final String merge;
    private final String select;

    static final StrategyDef DEF = new StrategyDef(ID, SUMMARY, MergePostgres::new, EXPECT);

    MergePostgres(Table table) {
        this.merge = String.format(MERGE, table.name());
        this.select = String.format(SELECT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        requireMerge(connection);
        sideEffect.beforeInsert(key);
        int merged;
        try (PreparedStatement ps = connection.prepareStatement(merge)) {
            ps.setLong(1, key);
            merged = ps.executeUpdate();
        }
        Long id = KeyRows.queryId(connection, select, key);
        if (id == null) {
            // matched a row that was deleted before the SELECT (churn)
            throw new NotFoundAfterConflictException(key, null);
        }
        return new Got(id, merged == 1, 0);
    }

    private static void requireMerge(Connection connection) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        if (major < MIN_MAJOR_VERSION) {
            throw new SQLFeatureNotSupportedException("strategy merge needs PostgreSQL " + MIN_MAJOR_VERSION
                    + "+; this server is " + connection.getMetaData().getDatabaseProductVersion(), "0A000");
        }
    }
}
