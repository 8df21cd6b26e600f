package io.github.gocbench.strategy;

/**
 * The circumstances a strategy declares its outcomes for ({@link Expect}): how the caller's
 * connection stands when racing callers share one key. Declarations assume the table has the
 * unique constraint on {@code k}; without it no strategy that relies on the constraint is safe.
 */
public enum Situation {
    /** Autocommit, at the server's default isolation (PostgreSQL READ COMMITTED, InnoDB REPEATABLE READ). */
    AUTOCOMMIT,
    /** Inside an outer READ COMMITTED transaction that has already read the key; the caller commits after the call. */
    OUTER_READ_COMMITTED,
    /** Inside an outer REPEATABLE READ transaction that has already read the key (its snapshot is fixed). */
    OUTER_REPEATABLE_READ
}
