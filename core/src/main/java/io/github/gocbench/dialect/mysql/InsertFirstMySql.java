package io.github.gocbench.dialect.mysql;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.AtomicBlock;
import io.github.gocbench.dialect.KeyRows;
import io.github.gocbench.strategy.Table;
import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code insert-first}, {@code insert-first-for-update}, {@code insert-first-for-share}: INSERT
 * the key atomically (its own transaction, or a savepoint inside the caller's); on a duplicate
 * (1062) SELECT it, plainly or with a row lock ({@link ReadBack}).
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
public final class InsertFirstMySql implements Strategy {

    public static final String ID = "insert-first";
    public static final String ID_FOR_UPDATE = "insert-first-for-update";
    public static final String ID_FOR_SHARE = "insert-first-for-share";
    public static final String SUMMARY = "INSERT in a transaction/savepoint; on duplicate SELECT (Rails create_or_find_by)";
    public static final String SUMMARY_FOR_UPDATE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR UPDATE";
    public static final String SUMMARY_FOR_SHARE =
            "INSERT in a transaction/savepoint; on duplicate SELECT ... LOCK IN SHARE MODE";

    /** Plain read-back: the snapshot hides the winner's row in an outer REPEATABLE READ transaction. */
    public static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);
    /** {@code FOR UPDATE}: sees the row, but losers holding the INSERT's shared lock deadlock in an outer transaction. */
    public static final Expect EXPECT_FOR_UPDATE = Expect.safe(AUTOCOMMIT)
            .known(OUTER_READ_COMMITTED, DEADLOCK)
            .known(OUTER_REPEATABLE_READ, DEADLOCK);
    /** {@code LOCK IN SHARE MODE}: sees the latest row, shared locks do not conflict. */
    public static final Expect EXPECT_FOR_SHARE = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED, OUTER_REPEATABLE_READ);

    private static final String INSERT = "INSERT INTO %s (k) VALUES (?)";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String SELECT_FOR_SHARE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 LOCK IN SHARE MODE";

    /** How the key is read back after losing the INSERT. */
    public enum ReadBack {
        PLAIN(ID, SELECT),
        FOR_UPDATE(ID_FOR_UPDATE, SELECT_FOR_UPDATE),
        FOR_SHARE(ID_FOR_SHARE, SELECT_FOR_SHARE);

        private final String id;
        private final String sql;

        ReadBack(String id, String sql) {
            this.id = id;
            this.sql = sql;
        }
    }

    private final String id;
    private final String insert;
    private final String select;

    public InsertFirstMySql(Table table, ReadBack readBack) {
        this.id = readBack.id;
        this.insert = String.format(INSERT, table.name());
        this.select = String.format(readBack.sql, table.name());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        sideEffect.beforeInsert(key);
        try {
            return Got.created(AtomicBlock.run(connection, () -> KeyRows.insertGeneratedId(connection, insert, key)));
        } catch (SQLException e) {
            if (MySqlOutcomes.classify(e) != Outcome.DUPLICATE_KEY) {
                throw e;
            }
            return Got.found(KeyRows.readBack(connection, select, key, e));
        }
    }
}
