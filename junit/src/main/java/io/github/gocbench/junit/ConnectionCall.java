package io.github.gocbench.junit;

import java.sql.Connection;

/**
 * Your get-or-create on a JDBC connection, e.g. {@code dao::getOrCreate}: returns the id of the
 * row for {@code key}, creating it when missing.
 *
 * @param <K> the key type
 * @param <R> the id type (compared with {@code equals})
 */
@FunctionalInterface
public interface ConnectionCall<K, R> {

    /** Gets or creates the row for {@code key} using {@code connection}; returns its id. */
    R getOrCreate(Connection connection, K key) throws Exception;
}
