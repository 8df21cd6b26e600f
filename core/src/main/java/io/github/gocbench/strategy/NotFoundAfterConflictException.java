package io.github.gocbench.strategy;

import java.sql.SQLException;

/**
 * Thrown by a strategy that lost the insert race (the server said the key exists) and then could
 * not see the row when it read again: outcome {@code NOT_FOUND_AFTER_CONFLICT}.
 */
public final class NotFoundAfterConflictException extends SQLException {

    /** SQLState used for this strategy-level failure (class "GC", goc-bench's own). */
    public static final String SQLSTATE = "GC001";

    public NotFoundAfterConflictException(long key, SQLException conflict) {
        super("key " + key + " conflicted on insert but was not found when read again", SQLSTATE, 0, conflict);
    }
}
