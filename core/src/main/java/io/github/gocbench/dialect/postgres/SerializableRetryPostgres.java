package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code serializable-retry}: SELECT the key and INSERT it on a miss in a SERIALIZABLE
 * transaction; on a serialization failure (40001), deadlock (40P01) or unique violation (23505)
 * roll back, sleep a short random backoff and start over, at most {@value #MAX_ATTEMPTS}
 * attempts, then rethrow the last error. {@link Got#retries()} counts the attempts that failed.
 * The connection's isolation level is restored afterwards.
 *
 * <p>Origin: the isolation-based fix the PostgreSQL manual recommends ("applications using this
 * level must be prepared to retry transactions due to serialization failures").
 *
 * <p>Inside an outer transaction it can neither change the isolation level nor retry (the outer
 * snapshot and work would be lost): it runs one attempt with the INSERT in a savepoint and, on a
 * unique violation, reads the key again — i.e. it behaves like {@code transactional}, including
 * {@code NOT_FOUND_AFTER_CONFLICT} inside an outer REPEATABLE READ transaction.
 *
 * <p>Known to get wrong: the side-effect hook runs again on every retried attempt that missed,
 * so racing callers repeat it. Two extra round trips per call to switch the isolation level.
 * Without the unique constraint SERIALIZABLE still catches the race in autocommit (the SELECTs'
 * predicate locks conflict with the other INSERT), at the price of more retries.
 */
public final class SerializableRetryPostgres implements Strategy {

    public static final String ID = "serializable-retry";
    public static final String SUMMARY =
            "SELECT; on miss INSERT in a SERIALIZABLE transaction, retried on 40001/deadlock/duplicate";

    /** Attempts before giving up; 8 racing callers need at most a few (each round one of them wins). */
    static final int MAX_ATTEMPTS = 10;
    /** Upper bound of the random backoff before retry n (1-based) is {@code min(2^n, 32)} ms. */
    private static final int MAX_BACKOFF_MS = 32;

    public static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    private static final Set<Outcome> RETRY_ON = EnumSet.of(SERIALIZATION_FAILURE, DEADLOCK, DUPLICATE_KEY);

    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";

    private final String select;
    private final String insert;

    public SerializableRetryPostgres(Table table) {
        this.select = String.format(SELECT, table.name());
        this.insert = String.format(INSERT, table.name());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        if (!connection.getAutoCommit()) {
            return inOuterTransaction(connection, key, sideEffect);
        }
        int previous = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        Got got;
        try {
            got = retrying(connection, key, sideEffect);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.setTransactionIsolation(previous);
            } catch (SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        connection.setTransactionIsolation(previous);
        return got;
    }

    private Got retrying(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            int retries = attempt;
            try {
                return AtomicBlock.run(connection, () -> selectOrInsert(connection, key, sideEffect, retries));
            } catch (SQLException e) {
                if (!RETRY_ON.contains(PostgresOutcomes.classify(e)) || attempt + 1 >= MAX_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt + 1, e);
            }
        }
    }

    private Got inOuterTransaction(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        Long found = KeyRows.queryId(connection, select, key);
        if (found != null) {
            return Got.found(found);
        }
        sideEffect.beforeInsert(key);
        try {
            return Got.created(AtomicBlock.run(connection, () -> KeyRows.insertReturningId(connection, insert, key)));
        } catch (SQLException e) {
            if (PostgresOutcomes.classify(e) != DUPLICATE_KEY) {
                throw e;
            }
            return new Got(KeyRows.readBack(connection, select, key, e), false, 1);
        }
    }

    private Got selectOrInsert(Connection connection, long key, SideEffect sideEffect, int retries)
            throws SQLException {
        Long found = KeyRows.queryId(connection, select, key);
        if (found != null) {
            return new Got(found, false, retries);
        }
        sideEffect.beforeInsert(key);
        return new Got(KeyRows.insertReturningId(connection, insert, key), true, retries);
    }

    /** Sleeps 1..min(2^retry, 32) ms; an interrupt ends the retries with the last error. */
    private static void backoff(int retry, SQLException last) throws SQLException {
        int bound = Math.min(1 << Math.min(retry, 5), MAX_BACKOFF_MS);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw last;
        }
    }
}
