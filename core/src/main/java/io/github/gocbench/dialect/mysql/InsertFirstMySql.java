package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.InsertFirst;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.StrategyDef;

/**
 * {@code insert-first}, {@code insert-first-for-update}, {@code insert-first-for-share} on
 * MySQL/MariaDB: their SQL and declared outcomes; the flow is {@link InsertFirst}. INSERT the key
 * atomically (its own transaction, or a savepoint inside the caller's); on a duplicate (1062)
 * SELECT it, plainly or with a row lock.
 *
 * <p>Origin: Rails' {@code create_or_find_by} (INSERT in a savepoint, {@code find_by!} on
 * {@code RecordNotUnique}); the locking read-backs are the variants people reach for on MySQL,
 * where a locking read sees the latest committed row instead of the snapshot.
 *
 * <p>Known to get wrong: the side-effect hook runs before every INSERT, hits included, and every
 * hit burns an AUTO_INCREMENT value. The plain read-back is a consistent read: inside an outer
 * REPEATABLE READ transaction (InnoDB's default) it cannot see the winner's row,
 * {@code NOT_FOUND_AFTER_CONFLICT}. The locking read-backs see it, but InnoDB keeps the shared
 * lock the failed INSERT took on the duplicate entry after {@code ROLLBACK TO SAVEPOINT}; inside
 * an outer transaction {@code FOR UPDATE} then needs an exclusive lock that every other loser
 * blocks, so racing losers deadlock (1213). {@code LOCK IN SHARE MODE} (accepted by MySQL 8 and
 * MariaDB alike; MySQL 8 also spells it {@code FOR SHARE}) is compatible with those locks. In
 * autocommit the INSERT's own transaction is rolled back, releasing its locks, before the
 * read-back. With {@code innodb_snapshot_isolation=ON} (MariaDB 10.6.18+/11.4) inside an outer
 * REPEATABLE READ transaction, {@code FOR UPDATE} on the winner's newer row is refused with 1020
 * ({@code SNAPSHOT_CONFLICT}) while {@code LOCK IN SHARE MODE} still returns it (measured on MariaDB
 * 11.4.5); the declarations below are for the default, OFF. Without the unique constraint every
 * call creates a new row.
 */
final class InsertFirstMySql {

    static final String SUMMARY = "INSERT in a transaction/savepoint; on duplicate SELECT (Rails create_or_find_by)";
    static final String SUMMARY_FOR_UPDATE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR UPDATE";
    static final String SUMMARY_FOR_SHARE =
            "INSERT in a transaction/savepoint; on duplicate SELECT ... LOCK IN SHARE MODE";

    /** Plain read-back: the snapshot hides the winner's row in an outer REPEATABLE READ transaction. */
    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    /** {@code FOR UPDATE}: sees the row, but losers holding the INSERT's shared lock deadlock in an outer transaction. */
    static final Expect EXPECT_FOR_UPDATE = Expect.safe(AUTOCOMMIT)
            .known(OUTER_READ_COMMITTED, DEADLOCK)
            .known(OUTER_REPEATABLE_READ, DEADLOCK);
    /** {@code LOCK IN SHARE MODE}: sees the latest row, shared locks do not conflict. */
    static final Expect EXPECT_FOR_SHARE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED, OUTER_REPEATABLE_READ);

    private static final String INSERT = "INSERT INTO %s (k) VALUES (?)";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String SELECT_FOR_SHARE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 LOCK IN SHARE MODE";

    static final StrategyDef DEF = new StrategyDef(InsertFirst.ID, SUMMARY, table ->
            new InsertFirst(InsertFirst.ID, String.format(INSERT, table.name()),
                    String.format(SELECT, table.name()), MySqlDialect.IDIOM), EXPECT);
    static final StrategyDef DEF_FOR_UPDATE = new StrategyDef(InsertFirst.ID_FOR_UPDATE, SUMMARY_FOR_UPDATE, table ->
            new InsertFirst(InsertFirst.ID_FOR_UPDATE, String.format(INSERT, table.name()),
                    String.format(SELECT_FOR_UPDATE, table.name()), MySqlDialect.IDIOM), EXPECT_FOR_UPDATE);
    static final StrategyDef DEF_FOR_SHARE = new StrategyDef(InsertFirst.ID_FOR_SHARE, SUMMARY_FOR_SHARE, table ->
            new InsertFirst(InsertFirst.ID_FOR_SHARE, String.format(INSERT, table.name()),
                    String.format(SELECT_FOR_SHARE, table.name()), MySqlDialect.IDIOM), EXPECT_FOR_SHARE);

    private InsertFirstMySql() {
    }
}
