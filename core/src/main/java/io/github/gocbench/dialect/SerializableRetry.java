package io.github.gocbench.dialect;

import static io.github.gocbench.outcome.Outcome.DEADLOCK;
import static io.github.gocbench.outcome.Outcome.DUPLICATE_KEY;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;

import io.github.gocbench.outcome.Outcome;
import io.github.gocbench.strategy.Got;
import io.github.gocbench.strategy.SideEffect;
import io.github.gocbench.strategy.Strategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code serializable-retry}'s flow, the same for every dialect (each supplies its SQL, its
 * {@link Idiom} and its {@code transactional}; {@code SerializableRetryPostgres} and
 * {@code SerializableRetryMySql} hold those and the declared outcomes): in autocommit, switch the
 * connection to SERIALIZABLE, SELECT the key and INSERT it on a miss in one transaction; on a
 * serialization failure, deadlock or duplicate roll back, sleep a short random backoff and start
 * over, at most {@value #MAX_ATTEMPTS} attempts, then rethrow the last error. {@link Got#retries()}
 * counts the attempts that failed. The isolation level is restored afterwards, also on failure.
 *
 * <p>Inside an outer transaction it can neither change the isolation level nor retry (the outer
 * snapshot and work would be lost): it runs the dialect's {@code transactional} instead, one
 * attempt with the INSERT in a savepoint and a re-read on a duplicate.
 */
public final class SerializableRetry implements Strategy {

    public static final String ID = "serializable-retry";

    /** Attempts before giving up; 8 racing callers need at most a few (each round one of them wins). */
    public static final int MAX_ATTEMPTS = 10;
    /** Upper bound of the random backoff before retry n (1-based) is {@code min(2^n, 32)} ms. */
    private static final int MAX_BACKOFF_MS = 32;

    private static final Set<Outcome> RETRY_ON = EnumSet.of(SERIALIZATION_FAILURE, DEADLOCK, DUPLICATE_KEY);

    private final String select;
    private final String insert;
    private final Idiom idiom;
    private final Strategy inOuterTransaction;

    /**
     * @param select             the dialect's {@code SELECT id} of one key, table name filled in
     * @param insert             the dialect's INSERT of one key, table name filled in
     * @param idiom              how that INSERT answers the id, and the dialect's error table
     * @param inOuterTransaction what runs inside the caller's transaction: the dialect's {@code transactional}
     */
    public SerializableRetry(String select, String insert, Idiom idiom, Strategy inOuterTransaction) {
        this.select = select;
        this.insert = insert;
        this.idiom = idiom;
        this.inOuterTransaction = inOuterTransaction;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Got getOrCreate(Connection connection, long key, SideEffect sideEffect) throws SQLException {
        if (!connection.getAutoCommit()) {
            return inOuterTransaction.getOrCreate(connection, key, sideEffect);
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
                if (!RETRY_ON.contains(idiom.errors().apply(e)) || attempt + 1 >= MAX_ATTEMPTS) {
                    throw e;
                }
                backoff(attempt + 1, e);
            }
        }
    }

    private Got selectOrInsert(Connection connection, long key, SideEffect sideEffect, int retries)
            throws SQLException {
        Long found = KeyRows.queryId(connection, select, key);
        if (found != null) {
            return new Got(found, false, retries);
        }
        sideEffect.beforeInsert(key);
        return new Got(idiom.insertId().insert(connection, insert, key), true, retries);
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
