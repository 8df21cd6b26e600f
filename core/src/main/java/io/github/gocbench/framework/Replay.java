package io.github.gocbench.framework;

import io.github.gocbench.strategy.Strategy;
import java.util.List;

/**
 * A strategy that replays one framework's get-or-create statement by statement, and declares the
 * statements it sends beside its code, the way a jcstress test declares its outcomes: for the
 * caller in autocommit and inside an open transaction, per {@link Path}. The statement-log tests
 * hold each replay to this declaration with the server's own log (PostgreSQL
 * {@code log_statement=all}, MariaDB's general log).
 *
 * <p>Statements are written as the log shows them, compared after {@link Statements#normalize}:
 * case, spacing and a trailing semicolon do not count, and every bind parameter or number
 * literal reads {@code ?}.
 */
public interface Replay extends Strategy {

    /** The statements one uncontended call sends, in order, for the caller's situation and the path. */
    List<String> statements(boolean inTransaction, Path path);

    /**
     * False when the framework's call does not tell whether it created the row (Prisma's and
     * TypeORM's upserts): the replay then answers FOUND for every call.
     */
    default boolean tellsCreated() {
        return true;
    }
}
