package io.github.gocbench.dialect.postgres;

import static io.github.gocbench.outcome.Outcome.NOT_FOUND_AFTER_CONFLICT;
import static io.github.gocbench.outcome.Outcome.SERIALIZATION_FAILURE;
import static io.github.gocbench.strategy.Situation.AUTOCOMMIT;
import static io.github.gocbench.strategy.Situation.OUTER_READ_COMMITTED;
import static io.github.gocbench.strategy.Situation.OUTER_REPEATABLE_READ;

import io.github.gocbench.dialect.SerializableRetry;
import io.github.gocbench.strategy.Expect;
import io.github.gocbench.strategy.StrategyDef;

/**
 * {@code serializable-retry} on PostgreSQL: its SQL and declared outcomes; the flow is
 * {@link SerializableRetry}. SELECT the key and INSERT it on a miss in a SERIALIZABLE
 * transaction; on a serialization failure (40001), deadlock (40P01) or unique violation (23505)
 * roll back, back off and start over, at most {@value SerializableRetry#MAX_ATTEMPTS} attempts.
 *
 * <p>Origin: the isolation-based fix the PostgreSQL manual recommends ("applications using this
 * level must be prepared to retry transactions due to serialization failures").
 *
 * <p>Inside an outer transaction it can neither change the isolation level nor retry: it runs
 * {@link TransactionalPostgres} (same SQL), including {@code NOT_FOUND_AFTER_CONFLICT} inside an
 * outer REPEATABLE READ transaction.
 *
 * <p>Known to get wrong: in autocommit the {@value SerializableRetry#MAX_ATTEMPTS} attempts can all
 * fail under create-heavy load (page-level predicate locks make callers on different keys conflict),
 * and the caller then gets the last 40001. The side-effect hook runs again on every retried attempt that missed,
 * so racing callers repeat it. Two extra round trips per call to switch the isolation level.
 * Without the unique constraint SERIALIZABLE still catches the race in autocommit (the SELECTs'
 * predicate locks conflict with the other INSERT), at the price of more retries.
 */
final class SerializableRetryPostgres {

    static final String SUMMARY =
            "SELECT; on miss INSERT in a SERIALIZABLE transaction, retried on 40001/deadlock/duplicate";

    // The retries can run out: SERIALIZABLE's predicate locks are taken per index page, so callers
    // inserting different new keys conflict too, and a create-heavy steady run at 8 threads saw one
    // call fail all 10 attempts with 40001 (quick compare, 2026-12-02). The caller gets the 40001.
    static final Expect EXPECT = Expect.safe(AUTOCOMMIT, OUTER_READ_COMMITTED)
            .possible(AUTOCOMMIT, SERIALIZATION_FAILURE)
            .known(OUTER_REPEATABLE_READ, NOT_FOUND_AFTER_CONFLICT);

    private static final String SELECT = "SELECT id FROM %s WHERE k = ? ORDER BY id LIMIT 1";
    private static final String INSERT = "INSERT INTO %s (k) VALUES (?) RETURNING id";

    static final StrategyDef DEF = new StrategyDef(SerializableRetry.ID, SUMMARY, table ->
            new SerializableRetry(String.format(SELECT, table.name()), String.format(INSERT, table.name()),
                    PostgresDialect.IDIOM, new TransactionalPostgres(table)), EXPECT);

    private SerializableRetryPostgres() {
    }
}
