package io.github.gocbench.dialect;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The flow of {@code insert-first}, {@code insert-first-for-update} and {@code insert-first-for-share},
 * the same for every dialect (each supplies its SQL and {@link Idiom}; {@code InsertFirstPostgres}
 * and {@code InsertFirstMySql} hold those and the declared outcomes): INSERT the key atomically
 * (its own transaction, or a savepoint inside the caller's); on a duplicate read it back with the
 * variant's SELECT, plain or locking, and answer FOUND, or {@code NOT_FOUND_AFTER_CONFLICT} when
 * the read-back does not see the row.
 */
public final class InsertFirst implements Strategy {

    public static final String ID = "insert-first";
    public static final String ID_FOR_UPDATE = "insert-first-for-update";
    public static final String ID_FOR_SHARE = "insert-first-for-share";

    private final String id;
    private final String insert;
    private final String readBack;
    private final Idiom idiom;

    /**
     * @param id       which of the three variants this is
     * @param insert   the dialect's INSERT of one key, table name filled in
     * @param readBack the variant's SELECT of the key after a duplicate, table name filled in
     * @param idiom    how that INSERT answers the id, and the dialect's error table
     */
    public InsertFirst(String id, String insert, String readBack, Idiom idiom) {
        this.id = id;
        this.insert = insert;
        this.readBack = readBack;
        this.idiom = idiom;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        sideEffect.beforeInsert(key);
        try {
            return Got.created(AtomicBlock.run(connection, () -> idiom.insertId().insert(connection, insert, key)));
        } catch (SQLException e) {
            if (idiom.errors().apply(e) != Outcome.DUPLICATE_KEY) {
                throw e;
            }
            return Got.found(KeyRows.readBack(connection, readBack, key, e));
        }
    }
}
