package io.github.gocbench.frameworks;

import java.sql.SQLException;

/** Unwraps a framework's exception to the driver's {@link SQLException} it carries, so goc classifies it. */
public final class SqlErrors {

    private static final int MAX_DEPTH = 16;

    private SqlErrors() {
    }

    /**
     * The first {@link SQLException} in {@code e}'s cause chain, else {@code e} itself (rethrown):
     * Hibernate's {@code ConstraintViolationException} and jOOQ's {@code DataAccessException} both
     * carry the server's error as their cause.
     */
    public static SQLException unwrap(RuntimeException e) {
        Throwable t = e;
        for (int i = 0; t != null && i < MAX_DEPTH; i++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        throw e;
    }
}
