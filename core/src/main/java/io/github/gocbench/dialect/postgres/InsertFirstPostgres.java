package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.InsertFirst;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.StrategyDef;

/**
 * {@code insert-first}, {@code insert-first-for-update}, {@code insert-first-for-share} on
 * PostgreSQL: their SQL and declared outcomes; the flow is {@link InsertFirst}. INSERT the key
 * atomically (its own transaction, or a savepoint inside the caller's); on a unique violation
 * (23505) SELECT it, plainly or with a row lock.
 *
 * <p>Origin: Rails' {@code create_or_find_by} (INSERT in a savepoint, {@code find_by!} on
 * {@code RecordNotUnique}); the locking read-backs are the variants people reach for when the
 * plain one fails.
 *
 * <p>Known to get wrong: the side-effect hook runs before every INSERT, hits included (a hit is
 * only discovered by the failed INSERT), and every hit burns an identity value. The read-back
 * uses the caller's snapshot: inside an outer REPEATABLE READ transaction the winner's row is
 * invisible to it, and in PostgreSQL a locking read ({@code FOR UPDATE}/{@code FOR SHARE}) only
 * locks rows its snapshot can see, so all three variants answer {@code NOT_FOUND_AFTER_CONFLICT}
 * there. In autocommit and at READ COMMITTED the INSERT waits for the winner to commit before it
 * fails, so the read-back always sees the row. Without the unique constraint every call creates a
 * new row.
 */
final class InsertFirstPostgres {

    static final String SUMMARY = "INSERT in a transaction/savepoint; on duplicate SELECT (Rails create_or_find_by)";
    static final String SUMMARY_FOR_UPDATE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR UPDATE";
    static final String SUMMARY_FOR_SHARE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR SHARE";

    /** The same for all three read-backs (measured: a PostgreSQL locking read sees the snapshot's rows only). */
    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String SELECT_FOR_SHARE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR SHARE";

    static final StrategyDef DEF = new StrategyDef(InsertFirst.ID, SUMMARY, table ->
            new InsertFirst(InsertFirst.ID, String.format(INSERT, table.name()),
                    String.format(SELECT, table.name()), PostgresDialect.IDIOM), EXPECT);
    static final StrategyDef DEF_FOR_UPDATE = new StrategyDef(InsertFirst.ID_FOR_UPDATE, SUMMARY_FOR_UPDATE, table ->
            new InsertFirst(InsertFirst.ID_FOR_UPDATE, String.format(INSERT, table.name()),
                    String.format(SELECT_FOR_UPDATE, table.name()), PostgresDialect.IDIOM), EXPECT);
    static final StrategyDef DEF_FOR_SHARE = new StrategyDef(InsertFirst.ID_FOR_SHARE, SUMMARY_FOR_SHARE, table ->
            new InsertFirst(InsertFirst.ID_FOR_SHARE, String.format(INSERT, table.name()),
                    String.format(SELECT_FOR_SHARE, table.name()), PostgresDialect.IDIOM), EXPECT);

    private InsertFirstPostgres() {
    }
}
