package io.github.gocbench.dialect.postgres;

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
 * the key atomically (its own transaction, or a savepoint inside the caller's); on a unique
 * violation (23505) SELECT it, plainly or with a row lock ({@link ReadBack}).
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
public final class InsertFirstPostgres implements Strategy {

    public static final String ID = "insert-first";
    public static final String ID_FOR_UPDATE = "insert-first-for-update";
    public static final String ID_FOR_SHARE = "insert-first-for-share";
    public static final String SUMMARY = "INSERT in a transaction/savepoint; on duplicate SELECT (Rails create_or_find_by)";
    public static final String SUMMARY_FOR_UPDATE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR UPDATE";
    public static final String SUMMARY_FOR_SHARE = "INSERT in a transaction/savepoint; on duplicate SELECT ... FOR SHARE";

    /** The same for all three read-backs (measured: a PostgreSQL locking read sees the snapshot's rows only). */
    public static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";
    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String SELECT_FOR_UPDATE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR UPDATE";
    private static final String SELECT_FOR_SHARE = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1 FOR SHARE";

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

    public InsertFirstPostgres(Table table, ReadBack readBack) {
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
            return Got.created(AtomicBlock.run(connection, () -> KeyRows.insertReturningId(connection, insert, key)));
        } catch (SQLException e) {
            if (PostgresOutcomes.classify(e) != Outcome.DUPLICATE_KEY) {
                throw e;
            }
            return Got.found(KeyRows.readBack(connection, select, key, e));
        }
    }
}
